import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { OutboxService } from '@standpoint/notifications';
import { NoticeFacts } from './notice-facts';
import { freezeStartedEmail } from './emails';

/** A content freeze began: every member of the brand hears why, and what left the schedule. */
@Injectable()
export class FreezeStartedNotice {
  constructor(
    private readonly notices: NoticeFacts,
    private readonly outbox: OutboxService,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended(
      'content_freeze.started',
      async (ctx, _event, { freeze, unscheduled }) => {
        const brandName = await this.notices.brandNameOf(ctx, freeze.brandId);
        const startedByName = await this.notices.nameOf(ctx, freeze.startedById);
        await this.outbox.emailMembers(ctx, {
          brandId: freeze.brandId,
          topic: 'content_freeze.started',
          recipientUserIds: await this.notices.everyone(ctx, freeze.brandId),
          payload: {
            freezeId: freeze.id,
            reason: freeze.reason,
            endsAt: freeze.endsAt,
            unscheduled: unscheduled.map((p) => ({
              proposalId: p.id,
              publishAt: p.publishAt?.toISOString() ?? null,
            })),
          },
          render: (to) =>
            freezeStartedEmail(
              {
                brandName,
                reason: freeze.reason,
                startedByName,
                endsAt: freeze.endsAt,
                unscheduledTitles: unscheduled.map((p) => p.title),
              },
              to,
            ),
        });
      },
    );
  }
}
