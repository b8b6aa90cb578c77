import { Injectable } from '@nestjs/common';
import { approvalLoaders } from '@standpoint/approvals';
import { AuditEventEntity } from '@standpoint/audit';
import { RequestContext, rowsGroupedBy } from '@standpoint/database';
import { requireUser } from '@standpoint/identity';
import { ProposalAccess, proposalLoaders } from '@standpoint/proposals';
import { DecisionRecordLinks } from './decision-record-links';
import { decisionRecordLines } from './decision-record-lines';
import { DecisionRecord, RecordProposal } from './decision-record-types';

/** The proposal fields the record needs; a ProposalModel or a ProposalEntity will do. */
export interface RecordedProposal extends RecordProposal {
  title: string;
  state: string;
  createdAt: Date;
}

/**
 * The decision record of a proposal, read with the request's batch loaders: a page of proposals
 * costs the same few queries as one.
 */
@Injectable()
export class DecisionRecordService {
  constructor(
    private readonly access: ProposalAccess,
    private readonly links: DecisionRecordLinks,
  ) {}

  /** A short-lived link to the printable record, for the viewer, who must be able to read it. */
  async link(ctx: RequestContext, proposalId: string): Promise<{ url: string; expiresAt: Date }> {
    const proposal = await this.access.forReading(ctx, proposalId);
    return this.links.issue(requireUser(ctx).userId, proposal.id);
  }

  /** For a proposal the viewer may read (every member of its brand, auditors included). */
  async forProposal(ctx: RequestContext, proposalId: string): Promise<DecisionRecord> {
    return this.of(ctx, await this.access.forReading(ctx, proposalId));
  }

  /** For a proposal already read with the viewer's permission. */
  async of(ctx: RequestContext, proposal: RecordedProposal): Promise<DecisionRecord> {
    const revisions = await proposalLoaders.revisionsByProposal(ctx).load(proposal.id);
    const evidence = await proposalLoaders.evidenceByProposal(ctx).load(proposal.id);
    const riskNotes = await proposalLoaders.riskNotesByProposal(ctx).load(proposal.id);
    // Every reader of the proposal may read its comments (Proposal.comments), so the record's too.
    const comments = await proposalLoaders.commentsByProposal(ctx).load(proposal.id);
    const decisions = await approvalLoaders.decisionsByProposal(ctx).load(proposal.id);
    // Freezes that ended before the proposal existed cannot have touched it.
    const freezes = (await approvalLoaders.freezesByBrand(ctx).load(proposal.brandId)).filter(
      (freeze) => !freeze.endedAt || freeze.endedAt >= proposal.createdAt,
    );
    const entityIds = [
      proposal.id,
      ...[...evidence, ...riskNotes, ...comments, ...decisions, ...freezes].map((row) => row.id),
    ];
    const events = (await eventsByEntity(ctx).loadMany(entityIds)).flatMap((rows) => {
      if (rows instanceof Error) throw rows;
      return rows;
    });
    const [freezeEvents, own] = partition(events, (event) => event.entityType === 'ContentFreeze');
    return {
      proposalId: proposal.id,
      title: proposal.title,
      state: proposal.state,
      lines: decisionRecordLines(proposal, revisions, own, freezeEvents),
    };
  }
}

/** The request's loader of audit events by the entity they name, in chain order. */
function eventsByEntity(ctx: RequestContext) {
  return rowsGroupedBy(ctx, AuditEventEntity, 'entityId', { seq: 'ASC' });
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
