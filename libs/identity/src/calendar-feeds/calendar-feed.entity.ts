import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * A user's secret calendar address: at most one per user, opened by a secret of 256 random bits
 * stored only as its SHA-256, as password and decision links are. Revoking deletes the row.
 */
@Entity('calendar_feed')
@Unique('uq_calendar_feed_user', ['userId'])
@Unique('uq_calendar_feed_secret', ['secretHash'])
export class CalendarFeedEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  /** Hex SHA-256 of the secret in the feed's address. */
  @Column({ type: 'varchar', length: 64 })
  secretHash!: string;

  @DateTimeColumn()
  createdAt!: Date;
}
