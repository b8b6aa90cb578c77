import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { readManagerOf, SecretBox } from '@standpoint/database';
import { DataSource } from 'typeorm';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { OutboxTransport, PermanentDeliveryError } from '../outbox/outbox-transport';
import { postToTarget } from '../webhooks/target-post';
import { TeamsConnectionEntity, teamsUrlContext } from './teams-connection.entity';

/**
 * POSTs a card to the brand's Teams workflow as a webhook is posted (postToTarget: the address
 * checked just now, WEBHOOK_DEADLINE_MS, no redirect followed). The URL is opened from its seal
 * only here and goes nowhere else: not in the row, the error or a log line.
 */
@Injectable()
export class TeamsTransport implements OutboxTransport {
  readonly channel = 'TEAMS' as const;

  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(message: OutboxMessageEntity): Promise<void> {
    const connection = message.brandId
      ? await readManagerOf(this.dataSource).findOneBy(TeamsConnectionEntity, {
          brandId: message.brandId,
        })
      : null;
    if (!connection) throw new PermanentDeliveryError('the Teams workflow was removed');
    await postToTarget({
      url: new URL(this.secrets.open(connection.sealedUrl, teamsUrlContext(connection.id))),
      body: message.body,
      party: 'the Teams workflow',
      deadlineMs: this.config.outbox.webhookDeadlineMs,
      allowPrivate: this.config.webhooksAllowPrivateTargets,
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Standpoint' },
    });
  }
}
