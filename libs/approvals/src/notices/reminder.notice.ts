import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { OutboxService } from '@standpoint/notifications';
import { DossierReader } from '@standpoint/proposals';
import { NoticeFacts, stepOf } from './notice-facts';
import { reminderEmail } from './emails';

/**
 * Half or 90% of the step's time has passed: the approvers who have not decided (as the event
 * records them) are reminded. The worker's deadline holds no dossier, so the reminder reads it.
 */
@Injectable()
export class ReminderNotice {
  constructor(
    private readonly dossiers: DossierReader,
    private readonly notices: NoticeFacts,
    private readonly outbox: OutboxService,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended('step.reminded', async (ctx, event, { proposal, step }) => {
      const { kind, waitingFor } = event.data;
      const dossier = await this.dossiers.read(ctx, proposal);
      const emailDossier = await this.notices.emailDossier(ctx, proposal, dossier);
      await this.outbox.emailMembers(ctx, {
        ...this.notices.decisionRequest(proposal, step, dossier),
        topic: 'step.reminder',
        recipientUserIds: waitingFor,
        payload: {
          proposalId: proposal.id,
          stepId: step.id,
          step: step.name,
          dueAt: step.dueAt,
          kind,
        },
        render: (to) => reminderEmail({ dossier: emailDossier, step: stepOf(step), kind }, to),
      });
    });
  }
}
