import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { AdminAlerts, humanize } from '@standpoint/notifications';
import { NoticeFacts } from './notice-facts';

/**
 * A proposal expired because a step was not decided in time: the brand's admins are alerted (by
 * email and in Teams), beside the author's and the team's notice (ExpiredNotice).
 */
@Injectable()
export class ExpiredAlertNotice {
  constructor(
    private readonly notices: NoticeFacts,
    private readonly alerts: AdminAlerts,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended('proposal.expired', async (ctx, _event, { proposal, step }) => {
      await this.alerts.raise(ctx, {
        kind: 'PROPOSAL_EXPIRED',
        brandId: proposal.brandId,
        headline: `Expired without a decision: ${proposal.title}`,
        summary:
          `Step ${step.name} was not decided before its deadline, so the proposal expired and ` +
          'nothing may be published from it. Submit it again to restart its review.',
        facts: [
          ['Proposal', proposal.title],
          ['Step', step.name],
          ['Step due', step.dueAt ?? '—'],
          ['Urgency', humanize(proposal.urgency)],
        ],
        link: { title: 'Open the proposal', url: this.notices.proposalUrl(proposal.id) },
        payload: { proposalId: proposal.id, step: step.name },
      });
    });
  }
}
