import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { OutboxService } from '../outbox/outbox.service';
import { Alert, ALERT_TOPICS } from './alert';
import { alertEmail } from './alert-email';
import { AlertSink } from './alert-sink';

/** An alert by email, to each admin. */
@Injectable()
export class EmailAlertSink implements AlertSink {
  constructor(private readonly outbox: OutboxService) {}

  queue(ctx: RequestContext, alert: Alert, adminIds: readonly string[]): Promise<void> {
    return this.outbox.emailMembers(ctx, {
      brandId: alert.brandId,
      topic: ALERT_TOPICS[alert.kind],
      recipientUserIds: adminIds,
      payload: alert.payload,
      render: (to) => alertEmail(alert, to),
    });
  }
}
