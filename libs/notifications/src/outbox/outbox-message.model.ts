import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, DateTimeScalar, Node } from '@standpoint/graphql';
import { OutboxChannel, OutboxMessageEntity, OutboxStatus } from './outbox-message.entity';

export const OUTBOX_STATUSES: { [S in OutboxStatus]: S } = {
  PENDING: 'PENDING',
  SENDING: 'SENDING',
  SENT: 'SENT',
  DEAD: 'DEAD',
};
registerEnumType(OUTBOX_STATUSES, {
  name: 'OutboxStatus',
  description:
    'PENDING waits for its next attempt, SENDING is held by a worker, SENT was delivered, DEAD gave up.',
});

const OUTBOX_CHANNELS: { [C in OutboxChannel]: C } = {
  EMAIL: 'EMAIL',
  WEBHOOK: 'WEBHOOK',
  TEAMS: 'TEAMS',
  SLACK: 'SLACK',
};
registerEnumType(OUTBOX_CHANNELS, { name: 'OutboxChannel' });

/** One email or webhook delivery as brand admins see it: where it stands, not what it says. */
@ObjectType('OutboxMessage', { implements: () => [Node] })
export class OutboxMessageModel extends Node {
  @Field(() => OUTBOX_CHANNELS)
  channel!: OutboxChannel;

  @Field({ description: 'What happened, e.g. approval.requested.' })
  topic!: string;

  @Field({
    description:
      "The member's address, the webhook's URL, or the Teams workflow's host and hint (never its URL).",
  })
  recipient!: string;

  @Field(() => OUTBOX_STATUSES)
  status!: OutboxStatus;

  @Field(() => Int, { description: 'Attempts made since it was written or last retried.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the latest failed attempt failed.' })
  lastError!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the next attempt may start.' })
  availableAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  sentAt!: Date | null;

  static from(row: OutboxMessageEntity): OutboxMessageModel {
    return Object.assign(new OutboxMessageModel(), {
      id: row.id,
      channel: row.channel,
      topic: row.topic,
      recipient: row.recipient,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      availableAt: row.availableAt,
      sentAt: row.sentAt,
    });
  }
}

export const OutboxMessageConnection = ConnectionType('OutboxMessage', OutboxMessageModel);
