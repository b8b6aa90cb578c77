import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Something to tell someone because of a change, written in the change's own transaction: an
 * email to a member or a webhook to the brand's publishing tool. A worker delivers it.
 */
@Entity('outbox_message')
@Index('ix_outbox_message_pending', ['status', 'availableAt'])
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  /** What happened, e.g. `approval.requested`, `decision.recorded`, `step.reminder`. */
  @Column({ type: 'varchar', length: 100 })
  topic!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: 'EMAIL' | 'WEBHOOK';

  /** The member an email is for (null for a webhook). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  recipientUserId!: string | null;

  /** The facts the message is made from. */
  @JsonColumn()
  payload!: object;

  @Column({ type: 'varchar', length: 16 })
  status!: 'PENDING' | 'SENT' | 'DEAD';

  @DateTimeColumn()
  availableAt!: Date;

  @DateTimeColumn()
  createdAt!: Date;
}
