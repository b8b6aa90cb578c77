import { Injectable } from '@nestjs/common';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface EmailToMember {
  brandId: string;
  topic: string;
  recipientUserIds: readonly string[];
  payload: Record<string, unknown>;
}

@Injectable()
export class OutboxService {
  constructor(private readonly clock: Clock) {}

  /** Queues one email per member, in the caller's transaction: sent if and only if the change commits. */
  async emailMembers(ctx: RequestContext, message: EmailToMember): Promise<void> {
    if (!ctx.inTransaction)
      throw new Error("the outbox is written inside the change's transaction");
    const now = this.clock.now();
    const payload = JSON.parse(JSON.stringify(message.payload)) as object;
    const rows = [...new Set(message.recipientUserIds)].map(
      (recipientUserId): OutboxMessageEntity => ({
        id: newId('msg'),
        brandId: message.brandId,
        topic: message.topic,
        channel: 'EMAIL',
        recipientUserId,
        payload,
        status: 'PENDING',
        availableAt: now,
        createdAt: now,
      }),
    );
    if (rows.length > 0) await ctx.em.insert(OutboxMessageEntity, rows);
  }

  /** The messages queued for a brand, oldest first (until the sender of the notifications issue exists). */
  pending(ctx: RequestContext, brandId: string): Promise<OutboxMessageEntity[]> {
    return ctx.em.find(OutboxMessageEntity, {
      where: { brandId, status: 'PENDING' },
      order: { id: 'ASC' },
    });
  }
}
