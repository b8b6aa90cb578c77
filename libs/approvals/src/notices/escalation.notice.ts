import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { OutboxService } from '@standpoint/notifications';
import { NoticeFacts, stepOf } from './notice-facts';
import { escalationEmail } from './emails';

/** The step was escalated: its deputies and its original approvers are asked to decide. */
@Injectable()
export class EscalationNotice {
  constructor(
    private readonly notices: NoticeFacts,
    private readonly outbox: OutboxService,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended('step.escalated', async (ctx, event, escalated) => {
      const { proposal, step, originalApprovers, dossier } = escalated;
      const deputies = event.data.deputies;
      const emailDossier = await this.notices.emailDossier(ctx, proposal, dossier);
      const names = await this.notices.namesOf(ctx, [...deputies, ...originalApprovers]);
      await this.outbox.emailMembers(ctx, {
        ...this.notices.decisionRequest(proposal, step, dossier),
        topic: 'step.escalated',
        recipientUserIds: step.eligibleApproverIds,
        payload: {
          proposalId: proposal.id,
          stepId: step.id,
          step: step.name,
          deputies,
          originalApprovers,
        },
        render: (to) =>
          escalationEmail(
            {
              dossier: emailDossier,
              step: stepOf(step),
              deputyIds: deputies,
              deputyNames: deputies.map((id) => names.get(id) ?? id),
              originalApproverNames: originalApprovers.map((id) => names.get(id) ?? id),
            },
            to,
          ),
      });
    });
  }
}
