import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { createHash } from 'node:crypto';
import { AdminAlerts } from './admin-alerts.service';
import { isAlertTopic } from './alert';
import { AlertThrottle } from './alert-throttle';

/** One alert per destination (channel and recipient) and brand per hour, however many messages die. */
export const GAVE_UP_ALERT_WINDOW_MS = 60 * 60 * 1000;

const CHANNEL_NAMES: Record<string, string> = {
  EMAIL: 'An email',
  WEBHOOK: 'A webhook delivery',
  TEAMS: 'A Teams card',
};

/**
 * An email, webhook or Teams card the outbox gave up on: the brand's admins hear of it, once an
 * hour per destination. An alert that could not be delivered raises none, or a dead Teams
 * workflow would alert about itself forever.
 */
@Injectable()
export class DeliveryGaveUpAlert {
  constructor(
    private readonly alerts: AdminAlerts,
    private readonly throttle: AlertThrottle,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended('outbox.gave_up', async (ctx, event) => {
      const { topic, channel, recipient, attempts, lastError } = event.data;
      if (isAlertTopic(topic)) return;
      const destination = createHash('sha256').update(`${channel}\n${recipient}`).digest('hex');
      const key = `delivery_gave_up:${destination}`;
      if (!(await this.throttle.allow(ctx, event.brandId, key, GAVE_UP_ALERT_WINDOW_MS))) return;
      await this.alerts.raise(ctx, {
        kind: 'DELIVERY_GAVE_UP',
        brandId: event.brandId,
        headline: `${CHANNEL_NAMES[channel] ?? channel} could not be delivered`,
        summary:
          `Standpoint gave up after ${attempts} attempt(s). Check the destination, then retry the ` +
          'message from the outbox (retryOutboxMessage). Further failures to the same destination ' +
          'are not alerted for an hour.',
        facts: [
          ['Channel', channel],
          ['Topic', topic],
          ['Recipient', recipient],
          ['Attempts', String(attempts)],
          ['Last error', lastError ?? '—'],
          ['Outbox message', event.entityId],
        ],
        link: null,
        payload: { outboxMessageId: event.entityId, channel, topic, attempts },
      });
    });
  }
}
