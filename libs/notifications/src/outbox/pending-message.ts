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
