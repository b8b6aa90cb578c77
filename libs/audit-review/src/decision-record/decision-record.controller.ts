import { Controller, Get, Header, Headers, Param, Query } from '@nestjs/common';
import { Clock, RequestContext, UserActor } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Authenticator, bearerToken, Ctx } from '@standpoint/graphql';
import { DecisionRecordLinks } from './decision-record-links';
import { DECISION_RECORD_PAGE_CSP, renderDecisionRecordPage } from './decision-record-page';
import { DecisionRecordService } from './decision-record.service';

/**
 * `GET /proposals/<id>/decision-record`: the printable record, for the same viewers as the GraphQL
 * field. Authenticated by the access token (`Authorization: Bearer`) or, for a browser that follows
 * a link, by a signed link issued for this proposal and user (`?access=`).
 */
@Controller('proposals')
export class DecisionRecordController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly links: DecisionRecordLinks,
    private readonly records: DecisionRecordService,
    private readonly clock: Clock,
  ) {}

  @Get(':id/decision-record')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @Header('Content-Security-Policy', DECISION_RECORD_PAGE_CSP)
  @Header('X-Content-Type-Options', 'nosniff')
  async page(
    @Ctx() ctx: RequestContext,
    @Param('id') proposalId: string,
    @Headers('authorization') authorization: string | undefined,
    @Query('access') access: string | undefined,
  ): Promise<string> {
    ctx.actor = await this.viewer(ctx, proposalId, authorization, access);
    const record = await this.records.forProposal(ctx, proposalId);
    return renderDecisionRecordPage(record, this.clock.now());
  }

  private async viewer(
    ctx: RequestContext,
    proposalId: string,
    authorization: string | undefined,
    access: string | undefined,
  ): Promise<UserActor> {
    const token = bearerToken(authorization);
    if (token) {
      const actor = await this.authenticator.authenticate(ctx, token);
      if (actor) return actor;
      throw DomainError.unauthenticated(
        'The access token is invalid or has expired; sign in again',
      );
    }
    if (typeof access === 'string') {
      const userId = await this.links.userOf(access, proposalId);
      const actor = userId && (await this.authenticator.actorOf(ctx, userId));
      if (actor) return actor;
      throw DomainError.unauthenticated('This link is invalid or has expired; ask for a new one');
    }
    throw DomainError.unauthenticated(
      'Send Authorization: Bearer <token>, or open a link from decisionRecordLink',
    );
  }
}
