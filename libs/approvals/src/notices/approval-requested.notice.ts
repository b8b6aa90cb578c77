import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { OutboxService } from '@standpoint/notifications';
import { Activation } from '../approval-facts';
import { NoticeFacts, stepOf } from './notice-facts';
import { approvalRequestedEmail } from './emails';

/** A step became active (on submission, a decision, a revision, a recount): its approvers are asked. */
@Injectable()
export class ApprovalRequestedNotice {
  constructor(
    private readonly notices: NoticeFacts,
    private readonly outbox: OutboxService,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended(
      ['proposal.submitted', 'decision.recorded', 'step.approver_removed'],
      (ctx, _event, facts) => this.send(ctx, facts.activated),
    );
    dispatcher.onAppended('proposal.revised', (ctx, _event, revised) =>
      this.send(ctx, revised.restartedAt ?? null),
    );
  }

  private async send(ctx: RequestContext, activated: Activation | null): Promise<void> {
    if (!activated) return;
    const { proposal, step, dossier } = activated;
    const emailDossier = await this.notices.emailDossier(ctx, proposal, dossier);
    await this.outbox.emailMembers(ctx, {
      ...this.notices.decisionRequest(proposal, step, dossier),
      topic: 'approval.requested',
      recipientUserIds: step.eligibleApproverIds,
      payload: {
        proposalId: proposal.id,
        stepId: step.id,
        step: step.name,
        dueAt: step.dueAt,
        revision: proposal.currentRevisionNumber,
      },
      render: (to) => approvalRequestedEmail({ dossier: emailDossier, step: stepOf(step) }, to),
    });
  }
}
