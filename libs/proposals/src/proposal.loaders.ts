import { RequestContext, rowsById, rowsGroupedBy } from '@standpoint/database';
import { CommentEntity } from './comment.entity';
import { EvidenceEntity } from './evidence.entity';
import { ProposalEntity } from './proposal.entity';
import { RecommendationEntity } from './recommendation.entity';
import { RevisionEntity } from './revision.entity';
import { RiskNoteEntity } from './risk-note.entity';

/** Per-request batch loaders: a page of proposals costs one query per nested list, whatever its size. */
export const proposalLoaders = {
  proposalById: (ctx: RequestContext) => rowsById(ctx, ProposalEntity),
  evidenceById: (ctx: RequestContext) => rowsById(ctx, EvidenceEntity),
  revisionsByProposal: (ctx: RequestContext) =>
    rowsGroupedBy(ctx, RevisionEntity, 'proposalId', { number: 'ASC' }),
  evidenceByProposal: (ctx: RequestContext) =>
    rowsGroupedBy(ctx, EvidenceEntity, 'proposalId', { id: 'ASC' }),
  riskNotesByProposal: (ctx: RequestContext) =>
    rowsGroupedBy(ctx, RiskNoteEntity, 'proposalId', { id: 'ASC' }),
  recommendationsByProposal: (ctx: RequestContext) =>
    rowsGroupedBy(ctx, RecommendationEntity, 'proposalId', { id: 'ASC' }),
  commentsByProposal: (ctx: RequestContext) =>
    rowsGroupedBy(ctx, CommentEntity, 'proposalId', { id: 'ASC' }),
};
