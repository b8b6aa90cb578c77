import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { canSeeBrand, Operation, requireBrandOperation } from '@standpoint/identity';
import { ProposalEntity } from './proposal.entity';
import { proposalLoaders } from './proposal.loaders';
import { DOSSIER_OPEN_STATES, ProposalState } from './rules';

/**
 * Who may touch a proposal, in one place: a proposal of a brand the viewer has no part in does not
 * exist for them (NOT_FOUND); a missing role is FORBIDDEN.
 */
@Injectable()
export class ProposalAccess {
  /**
   * The proposal as it is now, for a change that needs `operation`. On PostgreSQL the row stays
   * locked until the transaction ends, so changes to one proposal (a decision and a revision, fifty
   * approvals) take turns and each sees the one before; SQLite's transactions take turns anyway.
   */
  async forChange(
    ctx: RequestContext,
    proposalId: string,
    operation: Operation,
  ): Promise<ProposalEntity> {
    const query = ctx.em
      .createQueryBuilder(ProposalEntity, 'p')
      .where('p.id = :proposalId', { proposalId });
    if (ctx.dialect === 'postgres') query.setLock('pessimistic_write');
    return this.authorize(ctx, await query.getOne(), operation);
  }

  /** The proposal for reading (batched per request). */
  async forReading(ctx: RequestContext, proposalId: string): Promise<ProposalEntity> {
    const proposal = await proposalLoaders.proposalById(ctx).load(proposalId);
    return this.authorize(ctx, proposal ?? null, Operation.READ_BRAND);
  }

  /** Refuses a dossier change once a decision is final. */
  requireDossierOpen(proposal: ProposalEntity, what: string): void {
    if (!DOSSIER_OPEN_STATES.has(proposal.state)) throw dossierClosed(proposal.state, what);
  }

  private authorize(
    ctx: RequestContext,
    proposal: ProposalEntity | null,
    operation: Operation,
  ): ProposalEntity {
    if (!proposal || !canSeeBrand(ctx, proposal.brandId)) throw DomainError.notFound('Proposal');
    requireBrandOperation(ctx, proposal.brandId, operation);
    return proposal;
  }
}

export function dossierClosed(state: ProposalState, what: string): DomainError {
  return DomainError.conflict(
    `The proposal is ${state}: ${what} can be added only until a decision is final`,
  );
}
