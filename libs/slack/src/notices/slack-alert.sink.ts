import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { Alert, ALERT_TOPICS, alertFacts, AlertSink } from '@standpoint/notifications';
import { alertMessage } from '../rules';
import { SlackOutbox } from '../slack-outbox.service';

/** An admin alert in the brand's Slack channel, when it has connected one. */
@Injectable()
export class SlackAlertSink implements AlertSink {
  constructor(private readonly outbox: SlackOutbox) {}

  async queue(ctx: RequestContext, alert: Alert): Promise<void> {
    const message = alertMessage({ ...alert, facts: alertFacts(alert, 'UTC') });
    const topic = ALERT_TOPICS[alert.kind];
    await this.outbox.postToBrandChannel(ctx, alert.brandId, topic, message, alert.payload);
  }
}
