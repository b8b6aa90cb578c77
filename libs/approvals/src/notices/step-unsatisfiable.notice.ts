import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { MembershipChange, Role } from '@standpoint/identity';
import { OutboxService } from '@standpoint/notifications';
import type { ProposalEntity } from '@standpoint/proposals';
import { StalledStep } from '../approval-facts';
import { NoticeFacts } from './notice-facts';
import { stepUnsatisfiableEmail } from './emails';

const LEFT_BECAUSE: Record<MembershipChange['why'], string> = {
  ROLES_CHANGED: 'no longer holds a role the step accepts',
  REMOVED: 'was removed from the brand',
  DEACTIVATED: 'was deactivated',
};

/**
 * A member was taken off a step that can then no longer gather its approvals: the brand's admins
 * hear of it at once.
 */
@Injectable()
export class StepUnsatisfiableNotice {
  constructor(
    private readonly notices: NoticeFacts,
    private readonly outbox: OutboxService,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended('step.approver_removed', async (ctx, _event, removed) => {
      if (removed.stalled) await this.send(ctx, removed.proposal, removed.stalled);
    });
  }

  private async send(
    ctx: RequestContext,
    proposal: ProposalEntity,
    stalled: StalledStep,
  ): Promise<void> {
    const { step, leftId, eligible, approvals, required, why } = stalled;
    const names = await this.notices.namesOf(ctx, [leftId, ...eligible]);
    const admins = await this.notices.holding(ctx, proposal.brandId, Role.ADMIN);
    const emailProposal = await this.notices.proposalOf(ctx, proposal);
    await this.outbox.emailMembers(ctx, {
      brandId: proposal.brandId,
      topic: 'step.unsatisfiable',
      recipientUserIds: admins,
      payload: {
        proposalId: proposal.id,
        stepId: step.id,
        step: step.name,
        leftId,
        approvals,
        required,
      },
      render: (to) =>
        stepUnsatisfiableEmail(
          {
            proposal: emailProposal,
            step: step.name,
            leftName: names.get(leftId) ?? leftId,
            why: LEFT_BECAUSE[why],
            approvals,
            required,
            remainingNames: eligible.map((id) => names.get(id) ?? id),
          },
          to,
        ),
    });
  }
}
