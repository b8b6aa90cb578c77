import { Injectable } from '@nestjs/common';
import { AuditEventBus, chainBatches, chainHeadSeq } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { backlogThenLive, pushIterator, renewRequestContext } from '@standpoint/graphql';
import { canSeeBrand } from '@standpoint/identity';
import { GraphQLError } from 'graphql';
import { ProposalEventModel } from './models/proposal-event.model';
import { ProposalModel } from './models/proposal.model';
import { ProposalChange, proposalChange } from './proposal-change';
import { ProposalAccess } from './proposal-access';

/**
 * The live updates of a brand's proposals: every committed audit event that concerns a proposal,
 * as it is published on the audit event bus (so never one of a change that was rolled back), and,
 * for a subscriber that resumes, those it missed, read from the audit trail.
 */
@Injectable()
export class ProposalEventsService {
  constructor(
    private readonly bus: AuditEventBus,
    private readonly access: ProposalAccess,
  ) {}

  /**
   * The brand's proposal changes from now on; after `afterSeq`, first those already committed after
   * it. A brand the viewer has no part in is NOT_FOUND.
   */
  listen(
    ctx: RequestContext,
    brandId: string,
    afterSeq?: number | null,
  ): AsyncIterableIterator<ProposalChange> {
    if (afterSeq != null && afterSeq < 0) throw negativeSeq(afterSeq);
    if (!canSeeBrand(ctx, brandId)) throw DomainError.notFound('Brand');
    const live = pushIterator<ProposalChange>((push) =>
      this.bus.subscribe(brandId, (event) => {
        const change = proposalChange(event);
        if (change) push(change);
      }),
    );
    if (afterSeq == null) return live;
    const caughtUp = { head: 0 };
    return backlogThenLive(
      this.missed(ctx, brandId, afterSeq, caughtUp),
      live,
      (change) => change.seq > caughtUp.head,
    );
  }

  /**
   * The proposal changes committed after `afterSeq`, up to the head the brand's chain had once the
   * bus listened for the subscriber (so every later one reaches it live), read a page at a time as
   * the subscriber takes them. `caughtUp.head` is that head: the live changes up to it are in here.
   */
  private async *missed(
    ctx: RequestContext,
    brandId: string,
    afterSeq: number,
    caughtUp: { head: number },
  ): AsyncGenerator<ProposalChange> {
    await this.bus.ready(brandId);
    caughtUp.head = await chainHeadSeq(ctx.em, brandId);
    if (afterSeq >= caughtUp.head) return;
    for await (const batch of chainBatches(ctx, brandId, afterSeq))
      for (const event of batch) {
        if (event.seq > caughtUp.head) return;
        const change = proposalChange(event);
        if (change) yield change;
      }
  }

  /**
   * One change as the subscriber sees it: the proposal read now, with the subscriber's own access,
   * in a request context of its own (see renewRequestContext).
   */
  async resolve(graphqlContext: unknown, change: ProposalChange): Promise<ProposalEventModel> {
    try {
      const ctx = await renewRequestContext(graphqlContext);
      const proposal = await this.access.forReading(ctx, change.proposalId);
      return Object.assign(new ProposalEventModel(), {
        seq: change.seq,
        proposal: ProposalModel.from(proposal),
        action: change.action,
        at: change.at,
      });
    } catch (error) {
      // This resolver runs outside Nest's pipeline, so its domain errors get their code here.
      if (error instanceof DomainError)
        throw new GraphQLError(error.message, { extensions: { code: error.code } });
      throw error;
    }
  }
}

function negativeSeq(afterSeq: number): DomainError {
  const message = `afterSeq must be 0 or more: the seq of the last event received (got ${afterSeq})`;
  return DomainError.invalidField([{ field: 'afterSeq', rule: 'min', message }]);
}
