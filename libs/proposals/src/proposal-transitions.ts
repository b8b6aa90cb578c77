import { Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { ProposalEntity } from './proposal.entity';
import { ProposalState } from './rules';

/** The columns a transition may set beside the state. */
export type TransitionChanges = Partial<
  Pick<ProposalEntity, 'reviewRound' | 'policyVersion' | 'publishAt' | 'unscheduledByFreeze'>
>;

/**
 * The one writer of a proposal's state and version (the lifecycle table is in rules/lifecycle.ts).
 * Every write is a conditional UPDATE on the version as read, so a change made on a stale read
 * changes nothing and says so.
 */
@Injectable()
export class ProposalTransitions {
  constructor(private readonly clock: Clock) {}

  /** Moves the proposal to `to`, provided it is still in the state and version it was read in. */
  async move(
    ctx: RequestContext,
    proposal: ProposalEntity,
    transition: string,
    to: ProposalState,
    changes: TransitionChanges = {},
  ): Promise<ProposalEntity> {
    const moved = await this.nextVersion(ctx, proposal, { ...changes, state: to }, true);
    if (!moved) {
      throw DomainError.conflict(
        `The proposal changed while it was to ${transition}; reload it and try again`,
      );
    }
    return moved;
  }

  /**
   * Points the proposal at its next revision. Revising is not a state change, so only the
   * version guards it; undefined when another change landed first.
   */
  advanceRevision(
    ctx: RequestContext,
    proposal: ProposalEntity,
    searchText: string,
  ): Promise<ProposalEntity | undefined> {
    const next = { currentRevisionNumber: proposal.currentRevisionNumber + 1, searchText };
    return this.nextVersion(ctx, proposal, next, false);
  }

  private async nextVersion(
    ctx: RequestContext,
    proposal: ProposalEntity,
    changes: Partial<ProposalEntity>,
    inSameState: boolean,
  ): Promise<ProposalEntity | undefined> {
    const set = { ...changes, version: proposal.version + 1, updatedAt: this.clock.now() };
    const guard = inSameState ? ' AND state = :state' : '';
    const result = await ctx.em
      .createQueryBuilder()
      .update(ProposalEntity)
      .set(set)
      .where(`id = :id AND version = :version${guard}`, {
        id: proposal.id,
        version: proposal.version,
        state: proposal.state,
      })
      .execute();
    return result.affected === 1 ? { ...proposal, ...set } : undefined;
  }
}
