import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Operation, requireUser } from '@standpoint/identity';
import { ReviseProposalInput } from './inputs/revise-proposal.input';
import { ProposalResultType } from './models/proposal-result';
import { ProposalModel } from './models/proposal.model';
import { InvalidTransitionError, VersionConflictError } from './proposal.errors';
import { ProposalAccess } from './proposal-access';
import { ProposalEntity } from './proposal.entity';
import { ProposalTransitions } from './proposal-transitions';
import { asDraft, ProposalsService, searchTextOf } from './proposals.service';
import { RevisionEntity } from './revision.entity';
import { canonicalDrafts, contentHash, draftProblems, REVISABLE_STATES } from './rules';
import { proposalAuditEvent } from './proposal-audit-event';

@Injectable()
export class RevisionsService {
  constructor(
    private readonly access: ProposalAccess,
    private readonly proposals: ProposalsService,
    private readonly audit: AuditService,
    private readonly transitions: ProposalTransitions,
  ) {}

  /**
   * Writes new words as a new immutable revision. The version check is the UPDATE's own WHERE
   * clause, so of two revisions racing from the same version exactly one lands.
   */
  async revise(ctx: RequestContext, input: ReviseProposalInput): Promise<ProposalResultType> {
    const proposal = await this.access.forChange(ctx, input.proposalId, Operation.REVISE_PROPOSAL);
    const problems = draftProblems(input.drafts);
    if (problems.length > 0) throw DomainError.invalidField(problems);
    if (!REVISABLE_STATES.has(proposal.state))
      return InvalidTransitionError.of(proposal.state, 'revise');
    const expectedVersion = input.expectedVersion ?? proposal.version;
    if (expectedVersion !== proposal.version) return VersionConflictError.of(proposal.version);

    const drafts = canonicalDrafts(input.drafts.map(asDraft));
    const current = await ctx.em.findOneByOrFail(RevisionEntity, {
      proposalId: proposal.id,
      number: proposal.currentRevisionNumber,
    });
    if (contentHash(drafts) === current.contentHash) return ProposalModel.from(proposal);

    const revised = await this.transitions.advanceRevision(
      ctx,
      proposal,
      searchTextOf(proposal.title, proposal.issue, drafts),
    );
    if (!revised) {
      const latest = await ctx.em.findOneByOrFail(ProposalEntity, { id: proposal.id });
      return VersionConflictError.of(latest.version);
    }

    const revision = this.proposals.revisionOf(
      proposal,
      revised.currentRevisionNumber,
      drafts,
      requireUser(ctx).userId,
      revised.updatedAt,
    );
    await ctx.em.insert(RevisionEntity, revision);
    await this.audit.append(
      ctx,
      proposalAuditEvent(proposal, 'proposal.revised', {
        from: {
          revision: current.number,
          contentHash: current.contentHash,
          version: expectedVersion,
        },
        to: {
          revision: revision.number,
          contentHash: revision.contentHash,
          version: expectedVersion + 1,
        },
        channels: drafts.map((d) => d.channel),
      }),
      { proposal: revised, previous: current, revision },
    );
    return ProposalModel.from(revised);
  }
}
