import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { In } from 'typeorm';
import { ProposalListScope } from './proposal-list-scopes';
import { ProposalEntity } from './proposal.entity';
import { RevisionEntity } from './revision.entity';
import { ProposalState } from './rules';

/**
 * What the neighbouring features read of proposals, in their transaction: the proposals library
 * owns the tables, so nobody else queries them.
 */
@Injectable()
export class ProposalReader {
  byId(ctx: RequestContext, proposalId: string): Promise<ProposalEntity | null> {
    return ctx.em.findOneBy(ProposalEntity, { id: proposalId });
  }

  /** The brand's proposals in any of `states`, oldest first. */
  inStates(
    ctx: RequestContext,
    brandId: string,
    states: readonly ProposalState[],
  ): Promise<ProposalEntity[]> {
    return ctx.em.find(ProposalEntity, {
      where: { brandId, state: In(states) },
      order: { id: 'ASC' },
    });
  }

  /**
   * The brand's proposals in a neighbour's scope for one viewer (the approval inbox), in the
   * scope's order, at most `limit`: the list `awaitingMyDecision` answers, without its filters.
   */
  async inScope(
    ctx: RequestContext,
    scope: ProposalListScope,
    who: { brandId: string; viewerId: string },
    limit: number,
  ): Promise<ProposalEntity[]> {
    const query = ctx.em
      .createQueryBuilder(ProposalEntity, 'p')
      .where('p.brandId = :brandId', { brandId: who.brandId });
    if (!(await scope.narrow(ctx, query, who))) return [];
    scope.page(query, null);
    // limit, not take: a scope joins one row per proposal (see ProposalsService.list).
    return query.limit(limit).getMany();
  }

  /** The words the proposal stands on now. */
  currentRevision(ctx: RequestContext, proposal: ProposalEntity): Promise<RevisionEntity> {
    return ctx.em.findOneByOrFail(RevisionEntity, {
      proposalId: proposal.id,
      number: proposal.currentRevisionNumber,
    });
  }

  /** The current words of each proposal, in one statement. */
  async currentRevisions(
    ctx: RequestContext,
    proposals: readonly ProposalEntity[],
  ): Promise<RevisionEntity[]> {
    if (proposals.length === 0) return [];
    return ctx.em.find(RevisionEntity, {
      where: proposals.map((p) => ({ proposalId: p.id, number: p.currentRevisionNumber })),
    });
  }
}
