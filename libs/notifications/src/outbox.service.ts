import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { UserEntity } from '@standpoint/identity';
import { In } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface EmailToMember {
  brandId: string;
  topic: string;
  recipientUserIds: readonly string[];
  payload: Record<string, unknown>;
}

@Injectable()
export class OutboxService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Queues one email per member, in the caller's transaction: sent if and only if the change commits. */
  async emailMembers(ctx: RequestContext, message: EmailToMember): Promise<void> {
    if (!ctx.inTransaction)
      throw new Error("the outbox is written inside the change's transaction");
    const ids = [...new Set(message.recipientUserIds)];
    if (ids.length === 0) return;
    const users = await ctx.em.find(UserEntity, { where: { id: In(ids) } });
    const now = this.clock.now();
    const payload = JSON.parse(JSON.stringify(message.payload)) as object;
    const rows = users.map((user): OutboxMessageEntity => {
      const id = newId('msg');
      return {
        id,
        brandId: message.brandId,
        topic: message.topic,
        channel: 'EMAIL',
        recipientUserId: user.id,
        recipient: user.email,
        webhookEndpointId: null,
        payload,
        subject: message.topic,
        htmlBody: null,
        body: JSON.stringify(payload, null, 2),
        decisionLinkId: null,
        messageId: this.messageIdOf(id),
        status: 'PENDING',
        attempts: 0,
        lastError: null,
        availableAt: now,
        claimedUntil: null,
        sentAt: null,
        createdAt: now,
      };
    });
    await ctx.em.insert(OutboxMessageEntity, rows);
  }

  /** A Message-ID (RFC 5322) fixed when the row is written, so every resend of it carries the same. */
  messageIdOf(rowId: string): string {
    return `<${rowId}@${new URL(this.config.publicUrl).hostname}>`;
  }

  /** The messages queued for a brand, oldest first. */
  pending(ctx: RequestContext, brandId: string): Promise<OutboxMessageEntity[]> {
    return ctx.em.find(OutboxMessageEntity, {
      where: { brandId, status: 'PENDING' },
      order: { id: 'ASC' },
    });
  }
}
