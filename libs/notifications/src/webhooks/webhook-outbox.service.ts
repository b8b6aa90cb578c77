import { Injectable } from '@nestjs/common';
import { AppendingAuditEvent, SignedCheckpoint, WhenPlaced } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { pendingMessage } from '../outbox/pending-message';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { checkpointEvent, WebhookEvent, webhookEventsOf } from './webhook-events';

/** Where in the brand's history the webhook events happened: their time and place in its chain. */
interface Occurrence {
  brandId: string;
  at: Date;
  /** The sequence number of the change, or the size of the chain a checkpoint seals. */
  sequence: number;
}

/**
 * Queues a delivery per subscribed endpoint for each webhook event a change causes, in the
 * change's transaction (it subscribes to every appended audit event): delivered if and only if it
 * commits. The endpoints are read before the event takes its place in the chain; the deliveries,
 * which carry its sequence number and time, are written after. A checkpoint is queued the same
 * way, in the transaction that stores it.
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
    const endpoints = await this.endpointsOf(ctx, appending.brandId);
    if (endpoints.length === 0) return undefined;
    return (change) =>
      ctx.insertRows(
        OutboxMessageEntity,
        this.deliveries(
          { brandId: change.brandId, at: change.at, sequence: change.seq },
          events,
          endpoints,
        ),
      );
  }

  /** A newly stored checkpoint, for the brand's endpoints that witness its chain. */
  async enqueueCheckpoint(ctx: RequestContext, checkpoint: SignedCheckpoint): Promise<void> {
    const endpoints = await this.endpointsOf(ctx, checkpoint.brandId);
    const occurrence = {
      brandId: checkpoint.brandId,
      at: new Date(checkpoint.signedAt),
      sequence: checkpoint.size,
    };
    await ctx.insertRows(
      OutboxMessageEntity,
      this.deliveries(occurrence, [checkpointEvent(checkpoint)], endpoints),
    );
  }

  private endpointsOf(ctx: RequestContext, brandId: string): Promise<WebhookEndpointEntity[]> {
    return ctx.em.find(WebhookEndpointEntity, {
      where: { brandId, enabled: true },
      order: { id: 'ASC' },
    });
  }

  private deliveries(
    occurrence: Occurrence,
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
          brandId: occurrence.brandId,
          occurredAt: occurrence.at.toISOString(),
          sequence: occurrence.sequence,
          proposalId: event.proposalId,
          data: event.facts,
        };
        rows.push(
          pendingMessage(
            {
              id,
              brandId: occurrence.brandId,
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
