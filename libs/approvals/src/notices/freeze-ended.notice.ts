import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { OutboxService } from '@standpoint/notifications';
import { NoticeFacts } from './notice-facts';
import { freezeEndedEmail } from './emails';

/** A content freeze ended, by hand or on its own: every member of the brand hears of it. */
@Injectable()
export class FreezeEndedNotice {
  constructor(
    private readonly notices: NoticeFacts,
    private readonly outbox: OutboxService,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended(
      'content_freeze.ended',
      async (ctx, _event, { freeze, endedAt, byId }) => {
        const brandName = await this.notices.brandNameOf(ctx, freeze.brandId);
        const endedByName = byId ? await this.notices.nameOf(ctx, byId) : null;
        await this.outbox.emailMembers(ctx, {
          brandId: freeze.brandId,
          topic: 'content_freeze.ended',
          recipientUserIds: await this.notices.everyone(ctx, freeze.brandId),
          payload: { freezeId: freeze.id, reason: freeze.reason },
          render: (to) =>
            freezeEndedEmail(
              {
                brandName,
                reason: freeze.reason,
                startedAt: freeze.startedAt,
                endedAt,
                endedByName,
              },
              to,
            ),
        });
      },
    );
  }
}
