import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { Role } from '@standpoint/identity';
import { OutboxService } from '@standpoint/notifications';
import { ProposalState } from '@standpoint/proposals';
import { Decided } from '../approval-facts';
import { DecisionOutcome, overrideWords } from '../rules';
import { NoticeFacts } from './notice-facts';
import {
  approvedEmail,
  changesRequestedEmail,
  overrideRecordedEmail,
  rejectedEmail,
} from './emails';

/**
 * The author and the social team hear of every decision (not the approver who made it), worded
 * with what it went against; a decision against the team's recommendation, or an approval past
 * open risks, is told to the social team as an override, saying which.
 */
@Injectable()
export class DecisionNotice {
  constructor(
    private readonly notices: NoticeFacts,
    private readonly outbox: OutboxService,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended('decision.recorded', (ctx, _event, decided) => this.send(ctx, decided));
  }

  private async send(ctx: RequestContext, decided: Decided): Promise<void> {
    const { proposal, decision, state, activated, dossier, override } = decided;
    const team = await this.notices.holding(ctx, proposal.brandId, Role.SOCIAL_MANAGER);
    const emailProposal = await this.notices.proposalOf(ctx, proposal);
    const approverName = await this.notices.nameOf(ctx, decision.approverId);
    const overruled = overrideWords(decision.outcome, override.againstTeam, override.acceptedRisks);
    const facts = {
      proposal: emailProposal,
      step: decision.stepName,
      approverName,
      comment: decision.comment,
      overrideWords: overruled,
    };
    const payload = {
      proposalId: proposal.id,
      decisionId: decision.id,
      approverId: decision.approverId,
      outcome: decision.outcome,
      comment: decision.comment,
      step: decision.stepName,
      state,
    };
    const nextStep = activated?.step.name ?? null;
    await this.outbox.emailMembers(ctx, {
      brandId: proposal.brandId,
      topic: 'decision.recorded',
      recipientUserIds: [proposal.authorId, ...team].filter((id) => id !== decision.approverId),
      payload,
      render: (to) => {
        if (decision.outcome === DecisionOutcome.REJECT) return rejectedEmail(facts, to);
        if (decision.outcome === DecisionOutcome.REQUEST_CHANGES)
          return changesRequestedEmail(facts, to);
        return approvedEmail(
          { ...facts, proposalApproved: state === ProposalState.APPROVED, nextStep },
          to,
        );
      },
    });
    if (!overruled) return;
    const recommendation = (await this.notices.emailDossier(ctx, proposal, dossier)).recommendation;
    await this.outbox.emailMembers(ctx, {
      brandId: proposal.brandId,
      topic: 'override.recorded',
      recipientUserIds: team,
      payload: {
        ...payload,
        reasons: decision.acknowledgedReasons,
        againstTeam: override.againstTeam?.recommendation ?? null,
        acceptedRisks: override.acceptedRisks.map((risk) => risk.id),
      },
      render: (to) =>
        overrideRecordedEmail(
          {
            ...facts,
            overrideWords: overruled,
            againstTeam: override.againstTeam !== null,
            acknowledgedReasons: decision.acknowledgedReasons,
            recommendation,
          },
          to,
        ),
    });
  }
}
