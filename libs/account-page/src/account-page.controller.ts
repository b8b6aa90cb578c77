import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import {
  AntiForgery,
  FormFields,
  LINK_TOKEN,
  noticePage,
  sendPage,
} from '@standpoint/decision-page';
import { Ctx } from '@standpoint/graphql';
import { html } from '@standpoint/html';
import { PasswordLinkStanding, PasswordSetOutcome, PasswordsService } from '@standpoint/identity';
import type { Response } from 'express';
import { passwordFormPage } from './page/password-form.view';

type Closed = Exclude<PasswordLinkStanding['kind'], 'OPEN' | 'SSO_REQUIRED'>;
type NotOpen = Exclude<PasswordLinkStanding, { kind: 'OPEN' }>;

const NOTICES: Record<Closed, [number, string, string]> = {
  UNKNOWN: [
    404,
    'This link is not known',
    'Check that the whole address from the email was opened. Nothing was changed.',
  ],
  USED: [
    410,
    'This link has been used',
    'Each link sets a password once. If you need to choose a new one, ask for a password reset.',
  ],
  EXPIRED: [
    410,
    'This link has expired',
    'Welcome links work for 7 days and reset links for 1 hour. Ask for a password reset to get a new link.',
  ],
  INACTIVE: [
    410,
    'This account is not active',
    'The account this link was sent for has been deactivated. Nothing was changed.',
  ],
};

/**
 * The page a welcome or reset email links to (OPERATIONS.md): GET and HEAD show the form and
 * change nothing; POST sets the password once, then the link stops working. Built like the
 * decision page: self-contained, no script, never cached, anti-forgery field, rate-limited posts.
 */
@Controller('account/password')
export class AccountPageController {
  constructor(
    private readonly passwords: PasswordsService,
    private readonly antiForgery: AntiForgery,
  ) {}

  @Get(':token')
  async show(
    @Ctx() ctx: RequestContext,
    @Param('token') token: string,
    @Res() response: Response,
  ): Promise<void> {
    const standing = LINK_TOKEN.test(token) ? await this.passwords.standing(ctx, token) : undefined;
    if (!standing || standing.kind !== 'OPEN') return notice(response, standing ?? UNKNOWN);
    sendPage(response, 200, this.form(token, standing.user.email, standing.link.purpose));
  }

  @Post(':token')
  async submit(
    @Ctx() ctx: RequestContext,
    @Param('token') token: string,
    @FormFields() fields: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    if (!LINK_TOKEN.test(token)) return notice(response, UNKNOWN);
    if (!this.antiForgery.accepts(token, fields.antiForgery)) {
      return sendPage(
        response,
        403,
        noticePage(
          'This form was not accepted',
          'It did not come from the page this link opens. Nothing was changed: open the link from your email again.',
        ),
      );
    }
    const password = typeof fields.password === 'string' ? fields.password : '';
    const outcome: PasswordSetOutcome = password
      ? await this.passwords.setWithLink(ctx, token, password)
      : { kind: 'WEAK', problem: 'Enter a password.' };
    switch (outcome.kind) {
      case 'SET':
        return sendPage(
          response,
          200,
          noticePage(
            'Your password is set',
            `Sign in as ${outcome.email} with your new password. Any session you had elsewhere has ended, and this link will not work again.`,
            true,
          ),
        );
      case 'WEAK': {
        const standing = await this.passwords.standing(ctx, token);
        if (standing.kind !== 'OPEN') return notice(response, standing);
        const page = this.form(token, standing.user.email, standing.link.purpose, outcome.problem);
        return sendPage(response, 422, page);
      }
      default:
        return notice(response, outcome);
    }
  }

  private form(token: string, email: string, purpose: 'WELCOME' | 'RESET', problem?: string) {
    return passwordFormPage({ email, purpose, problem }, this.antiForgery.fieldFor(token));
  }
}

const UNKNOWN: NotOpen = { kind: 'UNKNOWN' };

/**
 * Why the link sets no password. A member of a brand that requires single sign-on is sent to
 * their provider instead of a password form (docs/sso.md).
 */
function notice(response: Response, standing: NotOpen): void {
  if (standing.kind === 'SSO_REQUIRED') {
    const { providerName, signInUrl } = standing.signIn;
    return sendPage(
      response,
      409,
      noticePage(
        `Sign in through ${providerName}`,
        html`Your brand requires single sign-on: you sign in through ${providerName}, not with a
          Standpoint password, so none is set here.
          <a href="${signInUrl}">Sign in through ${providerName}</a>.`,
      ),
    );
  }
  const [status, title, message] = NOTICES[standing.kind];
  sendPage(response, status, noticePage(title, message));
}
