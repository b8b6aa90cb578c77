import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { Role } from '@standpoint/identity';
import { OutboxService } from '@standpoint/notifications';
import { NoticeFacts } from './notice-facts';
import { expiredEmail } from './emails';

/** No decision in time: the author and the social team hear that the proposal expired. */
@Injectable()
export class ExpiredNotice {
  constructor(
    private readonly notices: NoticeFacts,
    private readonly outbox: OutboxService,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended('proposal.expired', async (ctx, _event, { proposal, step }) => {
      const emailProposal = await this.notices.proposalOf(ctx, proposal);
      const team = await this.notices.holding(ctx, proposal.brandId, Role.SOCIAL_MANAGER);
      await this.outbox.emailMembers(ctx, {
        brandId: proposal.brandId,
        topic: 'proposal.expired',
        recipientUserIds: [proposal.authorId, ...team],
        payload: { proposalId: proposal.id, step: step.name },
        render: (to) =>
          expiredEmail({ proposal: emailProposal, step: step.name, dueAt: step.dueAt }, to),
      });
    });
  }
}
