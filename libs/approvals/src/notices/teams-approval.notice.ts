import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { TeamsCards } from '@standpoint/notifications';
import { type ProposalEntity, ProposalState } from '@standpoint/proposals';
import { Activation, Decided } from '../approval-facts';
import { DecisionOutcome } from '../rules';
import {
  approvalRequestCard,
  CardOutcome,
  CardProposal,
  outcomeCard,
} from './cards/approval-cards';
import { NoticeFacts } from './notice-facts';

/**
 * The brand's Teams channel hears of each approval request (a step became active) and of how
 * each review ended: approved, rejected, changes requested, expired. The cards link to the
 * proposal's record; the decision itself stays on the decision page each approver is emailed.
 */
@Injectable()
export class TeamsApprovalNotice {
  constructor(
    private readonly notices: NoticeFacts,
    private readonly cards: TeamsCards,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended(
      ['proposal.submitted', 'decision.recorded', 'step.approver_removed'],
      (ctx, _event, facts) => this.requested(ctx, facts.activated),
    );
    dispatcher.onAppended('proposal.revised', (ctx, _event, revised) =>
      this.requested(ctx, revised.restartedAt ?? null),
    );
    dispatcher.onAppended('decision.recorded', (ctx, _event, decided) =>
      this.decided(ctx, decided),
    );
    dispatcher.onAppended('proposal.expired', async (ctx, _event, { proposal, step }) => {
      await this.outcome(ctx, proposal, 'EXPIRED', { step: step.name, by: null, comment: null });
    });
  }

  private async requested(ctx: RequestContext, activated: Activation | null): Promise<void> {
    if (!activated) return;
    const { proposal, step } = activated;
    await this.cards.post(ctx, {
      brandId: proposal.brandId,
      topic: 'approval.requested',
      payload: { proposalId: proposal.id, stepId: step.id, step: step.name, dueAt: step.dueAt },
      card: approvalRequestCard(await this.cardProposal(ctx, proposal), step),
    });
  }

  private async decided(ctx: RequestContext, decided: Decided): Promise<void> {
    const { proposal, decision, state } = decided;
    const outcome = outcomeOf(decision.outcome, state);
    if (!outcome) return;
    await this.outcome(ctx, proposal, outcome, {
      step: decision.stepName,
      by: await this.notices.nameOf(ctx, decision.approverId),
      comment: decision.comment,
    });
  }

  private async outcome(
    ctx: RequestContext,
    proposal: ProposalEntity,
    outcome: CardOutcome,
    details: Parameters<typeof outcomeCard>[2],
  ): Promise<void> {
    await this.cards.post(ctx, {
      brandId: proposal.brandId,
      topic: outcome === 'EXPIRED' ? 'proposal.expired' : 'decision.recorded',
      payload: { proposalId: proposal.id, outcome, step: details.step },
      card: outcomeCard(await this.cardProposal(ctx, proposal), outcome, details),
    });
  }

  private async cardProposal(ctx: RequestContext, proposal: ProposalEntity): Promise<CardProposal> {
    return {
      brandName: await this.notices.brandNameOf(ctx, proposal.brandId),
      title: proposal.title,
      urgency: proposal.urgency,
      decisionDeadline: proposal.decisionDeadline,
      url: this.notices.proposalUrl(proposal.id),
    };
  }
}

/** The outcome a decision gives the review, if it ended it or sent it back. */
function outcomeOf(outcome: DecisionOutcome, state: ProposalState): CardOutcome | null {
  if (outcome === DecisionOutcome.REJECT) return 'REJECTED';
  if (outcome === DecisionOutcome.REQUEST_CHANGES) return 'CHANGES_REQUESTED';
  return state === ProposalState.APPROVED ? 'APPROVED' : null;
}
