import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, readManagerOf } from '@standpoint/database';
import { DataSource } from 'typeorm';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { OutboxTransport, PermanentDeliveryError } from '../outbox/outbox-transport';
import { postToTarget } from './target-post';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureOf } from './webhook-signature';

/**
 * POSTs a webhook delivery, signed with its endpoint's secret, as postToTarget does: to an address
 * checked just now, within WEBHOOK_DEADLINE_MS, redirects never followed.
 */
@Injectable()
export class WebhookTransport implements OutboxTransport {
  readonly channel = 'WEBHOOK' as const;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(message: OutboxMessageEntity): Promise<void> {
    const endpoint = message.webhookEndpointId
      ? await readManagerOf(this.dataSource).findOneBy(WebhookEndpointEntity, {
          id: message.webhookEndpointId,
        })
      : null;
    if (!endpoint) throw new PermanentDeliveryError('the webhook endpoint was deleted');
    if (!endpoint.enabled) throw new PermanentDeliveryError('the webhook endpoint is disabled');
    await postToTarget({
      url: new URL(message.recipient),
      body: message.body,
      party: 'the webhook receiver',
      deadlineMs: this.config.outbox.webhookDeadlineMs,
      allowPrivate: this.config.webhooksAllowPrivateTargets,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Standpoint-Webhooks',
        [DELIVERY_HEADER]: message.messageId,
        [EVENT_HEADER]: message.topic,
        [SIGNATURE_HEADER]: signatureOf(endpoint.secret, message.body, this.clock.now()),
      },
    });
  }
}
