import { Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { ProposalEntity, ProposalState } from '@standpoint/proposals';

/**
 * Moves a proposal to another state with a conditional UPDATE (its state and version as read),
 * so a move made on a stale read changes nothing and says so.
 */
@Injectable()
export class ProposalTransitions {
  constructor(private readonly clock: Clock) {}

  async move(
    ctx: RequestContext,
    proposal: ProposalEntity,
    transition: string,
    to: ProposalState,
    changes: Partial<
      Pick<ProposalEntity, 'reviewRound' | 'policyVersion' | 'publishAt' | 'unscheduledByFreeze'>
    > = {},
  ): Promise<ProposalEntity> {
    const now = this.clock.now();
    const result = await ctx.em
      .createQueryBuilder()
      .update(ProposalEntity)
      .set({ state: to, version: proposal.version + 1, updatedAt: now, ...changes })
      .where('id = :id AND state = :from AND version = :version', {
        id: proposal.id,
        from: proposal.state,
        version: proposal.version,
      })
      .execute();
    if (result.affected !== 1) {
      throw DomainError.conflict(
        `The proposal changed while it was to ${transition}; reload it and try again`,
      );
    }
    return { ...proposal, ...changes, state: to, version: proposal.version + 1, updatedAt: now };
  }
}
