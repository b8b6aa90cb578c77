import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type OutboxChannel = 'EMAIL' | 'WEBHOOK' | 'TEAMS' | 'SLACK';

/** PENDING waits for `availableAt`; SENDING is held by a worker until `claimedUntil`; DEAD gave up. */
export type OutboxStatus = 'PENDING' | 'SENDING' | 'SENT' | 'DEAD';

/**
 * Something to tell someone because of a change, written in the change's own transaction: an
 * email to a member or a webhook to the brand's publishing tool. It is rendered when it is written,
 * so what was sent is what is stored; a worker delivers it.
 */
@Entity('outbox_message')
@Index('ix_outbox_message_due', ['status', 'availableAt'])
@Index('ix_outbox_message_brand', ['brandId', 'status'])
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  /** The brand it is about; null for an account's own email (a password reset). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  brandId!: string | null;

  /** What happened, e.g. `approval.requested`, `decision.recorded`, `step.reminder`. */
  @Column({ type: 'varchar', length: 100 })
  topic!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: OutboxChannel;

  /** The member an email is for (null for a webhook). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  recipientUserId!: string | null;

  /**
   * Where it goes: the member's address when it was written, the webhook's URL, or the Teams
   * workflow's host and hint (its URL is a secret, kept sealed on the brand's connection).
   */
  @Column({ type: 'varchar', length: 2048 })
  recipient!: string;

  /** The webhook endpoint a delivery is for (null for an email). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  webhookEndpointId!: string | null;

  /** The facts the message was made from. */
  @JsonColumn()
  payload!: object;

  /** The email's subject (null for a webhook). */
  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  /** The email's HTML part (null for a webhook). */
  @Column({ type: 'text', nullable: true })
  htmlBody!: string | null;

  /** The email's text part, or the webhook's JSON body. */
  @Column({ type: 'text' })
  body!: string;

  /**
   * The decision link an approval email carries. Its token is made only when the email is sent,
   * so the database never holds it (see DecisionLinkTokenEntity).
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  decisionLinkId!: string | null;

  /** The password link a welcome or reset email carries; its token is made the same way. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  passwordLinkId!: string | null;

  /** Message-ID of the email or delivery id of the webhook: the same on every attempt. */
  @Column({ type: 'varchar', length: 255 })
  messageId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** When the next attempt may start. */
  @DateTimeColumn()
  availableAt!: Date;

  /** Until when the worker that claimed it holds it; after that another worker may take it over. */
  @DateTimeColumn({ nullable: true })
  claimedUntil!: Date | null;

  @DateTimeColumn({ nullable: true })
  sentAt!: Date | null;

  @DateTimeColumn()
  createdAt!: Date;
}
