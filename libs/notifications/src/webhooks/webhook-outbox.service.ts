import { Injectable } from '@nestjs/common';
import { AppendedAuditEvent, AppendingAuditEvent, WhenPlaced } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { pendingMessage } from '../outbox/pending-message';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEvent, webhookEventsOf } from './webhook-events';

/**
 * Queues a delivery per subscribed endpoint for each webhook event a change causes, in the
 * change's transaction (it subscribes to every appended audit event): delivered if and only if it
 * commits. The endpoints are read before the event takes its place in the chain; the deliveries,
 * which carry its sequence number and time, are written after.
 */
@Injectable()
export class WebhookOutboxService {
  constructor(private readonly clock: Clock) {}

  async enqueue(
    ctx: RequestContext,
    appending: AppendingAuditEvent,
  ): Promise<WhenPlaced<AppendingAuditEvent['action']> | undefined> {
    const events = webhookEventsOf(appending);
    if (events.length === 0) return undefined;
    const endpoints = await ctx.em.find(WebhookEndpointEntity, {
      where: { brandId: appending.brandId, enabled: true },
      order: { id: 'ASC' },
    });
    if (endpoints.length === 0) return undefined;
    return (change) =>
      ctx.insertRows(OutboxMessageEntity, this.deliveries(change, events, endpoints));
  }

  private deliveries(
    change: AppendedAuditEvent,
    events: WebhookEvent[],
    endpoints: WebhookEndpointEntity[],
  ): OutboxMessageEntity[] {
    const now = this.clock.now();
    const rows: OutboxMessageEntity[] = [];
    for (const event of events) {
      for (const endpoint of endpoints.filter((e) => e.eventTypes.includes(event.type))) {
        // The row's id is the delivery id: the same on every attempt, so receivers can dedupe.
        const id = newId('whd');
        const body = {
          id,
          type: event.type,
          brandId: change.brandId,
          occurredAt: change.at.toISOString(),
          sequence: change.seq,
          proposalId: event.proposalId,
          data: event.facts,
        };
        rows.push(
          pendingMessage(
            {
              id,
              brandId: change.brandId,
              topic: event.type,
              channel: 'WEBHOOK',
              recipient: endpoint.url,
              webhookEndpointId: endpoint.id,
              payload: body,
              body: JSON.stringify(body),
              messageId: id,
            },
            now,
          ),
        );
      }
    }
    return rows;
  }
}
