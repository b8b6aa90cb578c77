import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One Idempotency-Key of one caller, and the answer of the request that used it first. */
@Entity('idempotency_key')
@Index('ix_idempotency_key_created', ['createdAt'])
export class IdempotencyKeyEntity {
  /** The caller: hex SHA-256 of the Authorization header (see idempotencyScope). */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  scope!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  idempotencyKey!: string;

  /** The request the key was first used for (see requestFingerprint). */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  /** Which request holds the key: a random id per attempt to claim it. */
  @Column({ type: 'varchar', length: 36 })
  claimId!: string;

  @DateTimeColumn()
  createdAt!: Date;

  /** When the first request answered; null while it is being performed. */
  @DateTimeColumn({ nullable: true })
  completedAt!: Date | null;

  /** The HTTP status of that answer. */
  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  /** The JSON body of that answer, exactly as it was sent. */
  @Column({ type: 'text', nullable: true })
  body!: string | null;
}
