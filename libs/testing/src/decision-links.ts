import { ApprovalStepEntity, StepStatus } from '@standpoint/approvals';
import { DecisionLinksService } from '@standpoint/notifications';
import { ProposalEntity, RevisionEntity } from '@standpoint/proposals';
import { TestApp } from './test-app';

/**
 * A decision link for `approverUserId` on the proposal's active step and current words, as an
 * approval email would carry it (or as an email sent before a rule changed did): answers its token.
 */
export function mintDecisionLink(
  t: TestApp,
  proposalId: string,
  approverUserId: string,
): Promise<string> {
  return t.asSystem(async (ctx) => {
    const proposal = await ctx.em.findOneByOrFail(ProposalEntity, { id: proposalId });
    const revision = await ctx.em.findOneByOrFail(RevisionEntity, {
      proposalId,
      number: proposal.currentRevisionNumber,
    });
    const step = await ctx.em.findOneByOrFail(ApprovalStepEntity, {
      proposalId,
      round: proposal.reviewRound,
      status: StepStatus.ACTIVE,
    });
    const links = t.app.get(DecisionLinksService);
    const link = await links.create(ctx, {
      brandId: proposal.brandId,
      proposalId,
      stepId: step.id,
      approverUserId,
      revisionId: revision.id,
      contentHash: revision.contentHash,
      stepDueAt: step.dueAt,
    });
    return links.mintToken(ctx.em, link.id);
  });
}
