import { ApprovalStepEntity, StepStatus } from '@standpoint/approvals';
import { ProposalReader } from '@standpoint/proposals';
import { DecisionLinksService } from '@standpoint/identity';
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
    const proposals = t.app.get(ProposalReader);
    const proposal = await proposals.byId(ctx, proposalId);
    if (!proposal) throw new Error(`no proposal ${proposalId}`);
    const revision = await proposals.currentRevision(ctx, proposal);
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
