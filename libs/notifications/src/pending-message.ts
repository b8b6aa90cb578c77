import { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity';

type Optional =
  | 'recipientUserId'
  | 'webhookEndpointId'
  | 'subject'
  | 'htmlBody'
  | 'decisionLinkId'
  | 'passwordLinkId';

/** What a change says of a message: to whom, what, and the ids that make it recognisable. */
export type NewOutboxMessage = Pick<
  OutboxMessageEntity,
  'id' | 'brandId' | 'topic' | 'channel' | 'recipient' | 'payload' | 'body' | 'messageId'
> &
  Partial<Pick<OutboxMessageEntity, Optional>>;

/** An outbox row as every message starts: pending, due now, never attempted. */
export function pendingMessage(message: NewOutboxMessage, now: Date): OutboxMessageEntity {
  return {
    recipientUserId: null,
    webhookEndpointId: null,
    subject: null,
    htmlBody: null,
    decisionLinkId: null,
    passwordLinkId: null,
    ...message,
    status: 'PENDING',
    attempts: 0,
    lastError: null,
    availableAt: now,
    claimedUntil: null,
    sentAt: null,
    createdAt: now,
  };
}

/**
 * Writes outbox rows in one INSERT and reads nothing back: every column is set in code (above), so
 * there is nothing for TypeORM to reload (its plain insert SELECTs the defaulted columns back on
 * SQLite, one statement more per batch).
 */
export async function insertMessages(
  em: EntityManager,
  rows: readonly OutboxMessageEntity[],
): Promise<void> {
  if (rows.length === 0) return;
  await em
    .createQueryBuilder()
    .insert()
    .into(OutboxMessageEntity)
    .values([...rows])
    .updateEntity(false)
    .execute();
}
