import { RequestContext, rowsGroupedBy } from '@standpoint/database';
import { ApprovalStepEntity } from './approval-step.entity';
import { ContentFreezeEntity } from './content-freeze.entity';
import { DecisionEntity } from './decision.entity';

/** Per-request batch loaders of the review of a page of proposals. */
export const approvalLoaders = {
  stepsByProposal: (ctx: RequestContext) =>
    rowsGroupedBy(ctx, ApprovalStepEntity, 'proposalId', { round: 'ASC', order: 'ASC' }),
  decisionsByProposal: (ctx: RequestContext) =>
    rowsGroupedBy(ctx, DecisionEntity, 'proposalId', { id: 'ASC' }),
  freezesByBrand: (ctx: RequestContext) =>
    rowsGroupedBy(ctx, ContentFreezeEntity, 'brandId', { startedAt: 'ASC', id: 'ASC' }),
};
