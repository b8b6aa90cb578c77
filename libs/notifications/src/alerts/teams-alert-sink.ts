import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { TeamsCards } from '../teams/teams-cards.service';
import { Alert, ALERT_TOPICS } from './alert';
import { alertCard } from './alert-card';
import { AlertSink } from './alert-sink';

/** An alert as a card in the brand's Teams channel, when it has a Teams workflow. */
@Injectable()
export class TeamsAlertSink implements AlertSink {
  constructor(private readonly cards: TeamsCards) {}

  queue(ctx: RequestContext, alert: Alert): Promise<void> {
    return this.cards.post(ctx, {
      brandId: alert.brandId,
      topic: ALERT_TOPICS[alert.kind],
      payload: alert.payload,
      card: alertCard(alert),
    });
  }
}
