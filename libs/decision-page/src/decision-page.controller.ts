import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Ctx } from '@standpoint/graphql';
import type { Response } from 'express';
import { AntiForgery } from './anti-forgery';
import { DecisionForm } from './decision-form';
import { DecisionPageService, DecisionPageView } from './decision-page.service';
import { FormFields } from './form-fields.decorator';
import { LinkStanding } from './link-standing';
import { decisionPage, readable } from './page/decision-page.view';
import { PAGE_HEADERS } from './page/layout';
import { LINK_TOKEN, sendPage } from './page/page-response';
import { noticePage } from './page/notice.view';

const NOTICES: Record<Exclude<LinkStanding, LinkStanding.OPEN>, [string, string]> = {
  [LinkStanding.USED]: [
    'This link has been used',
    'A decision was already recorded with this link, and each link acts once. If something needs to change, talk to the team.',
  ],
  [LinkStanding.REVOKED]: [
    'This link no longer works',
    'Your membership of the brand changed after this email was sent, and you were taken off this step: its links stopped working then. Nothing was recorded.',
  ],
  [LinkStanding.REVIEW_OVER]: [
    'This proposal is no longer in review',
    'It has been decided, withdrawn or has expired: there is nothing left to decide with this link.',
  ],
  [LinkStanding.SUPERSEDED]: [
    'A newer version was sent to you',
    'The words changed after this email was sent, so this link no longer acts. Open the newer approval email to decide on the current words.',
  ],
  [LinkStanding.EXPIRED]: [
    'This link has expired',
    'Links in approval emails work until the step’s deadline, and for 72 hours at most. If the proposal still awaits you, ask the team to send the request again.',
  ],
  [LinkStanding.STEP_CLOSED]: [
    'This step no longer awaits your decision',
    'The step this link was sent for is over, or you are no longer among its approvers.',
  ],
  [LinkStanding.WROTE_WORDS]: [
    'You wrote words of this proposal',
    'Four eyes: nobody who wrote any revision of a proposal decides on it, so this link does not act. Nothing was recorded.',
  ],
  [LinkStanding.NOT_ELIGIBLE]: [
    'You may no longer decide on this step',
    'Your membership of the brand changed since this email was sent: you no longer hold a role this step accepts, so this link does not act. Nothing was recorded.',
  ],
};

/**
 * The page an approval email links to (OPERATIONS.md): GET and HEAD show the proposal and the
 * form and change nothing; POST records the decision. Every answer is a self-contained page that
 * loads nothing, is never cached, and leaks no address onwards.
 */
@Controller('decide')
export class DecisionPageController {
  constructor(
    private readonly pages: DecisionPageService,
    private readonly antiForgery: AntiForgery,
  ) {}

  @Get(':token')
  async show(
    @Ctx() ctx: RequestContext,
    @Param('token') token: string,
    @Res() response: Response,
  ): Promise<void> {
    const view = LINK_TOKEN.test(token)
      ? await this.pages.view(ctx, token)
      : { kind: 'UNKNOWN' as const };
    this.answer(response, token, view, 200);
  }

  @Post(':token')
  async submit(
    @Ctx() ctx: RequestContext,
    @Param('token') token: string,
    @FormFields() fields: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    if (!LINK_TOKEN.test(token)) return this.answer(response, token, { kind: 'UNKNOWN' }, 200);
    if (!this.antiForgery.accepts(token, fields.antiForgery)) {
      return sendPage(
        response,
        403,
        noticePage(
          'This form was not accepted',
          'It did not come from the decision page this link opens. Nothing was recorded: open the link from your email again and decide there.',
        ),
      );
    }
    const view = await this.pages.submit(ctx, token, new DecisionForm(fields));
    this.answer(response, token, view, 422);
  }

  /**
   * For the page's script: a passkey challenge for deciding `outcome` through this link, as JSON
   * WebAuthn request options (or `{message}` with 4xx). Guarded as the form is.
   */
  @Post(':token/passkey-challenge')
  async passkeyChallenge(
    @Ctx() ctx: RequestContext,
    @Param('token') token: string,
    @FormFields() fields: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const answer = (status: number, body: string): void => {
      response.status(status).set(PAGE_HEADERS).type('json').send(body);
    };
    if (!LINK_TOKEN.test(token) || !this.antiForgery.accepts(token, fields.antiForgery)) {
      return answer(403, JSON.stringify({ message: 'this request did not come from the page' }));
    }
    const outcome = new DecisionForm(fields).outcome;
    if (!outcome) return answer(400, JSON.stringify({ message: 'choose a decision first' }));
    try {
      const options = await this.pages.passkeyChallenge(ctx, token, outcome);
      if (options) return answer(200, options);
      return answer(410, JSON.stringify({ message: 'this link no longer acts: reload the page' }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return answer(409, JSON.stringify({ message: error.message }));
    }
  }

  /** Sends the page for `view`; `formStatus` is the status of the form (200, or 422 with problems). */
  private answer(response: Response, token: string, view: DecisionPageView, formStatus: number) {
    switch (view.kind) {
      case 'UNKNOWN':
        return sendPage(
          response,
          404,
          noticePage(
            'This link is not known',
            'Check that the whole address from the email was opened. Nothing was recorded.',
          ),
        );
      case 'NOTICE':
        return sendPage(response, 410, noticePage(...NOTICES[view.standing]));
      case 'FORM':
        return sendPage(
          response,
          view.state ? formStatus : 200,
          decisionPage(view.dossier, this.antiForgery.fieldFor(token), view.state),
        );
      case 'RECORDED':
        return sendPage(
          response,
          200,
          noticePage(
            'Your decision is recorded',
            `${readable(view.outcome)} on “${view.title}”, step “${view.step}”. The team has been told. This link has now been used and will not act again.`,
            true,
          ),
        );
    }
  }
}
