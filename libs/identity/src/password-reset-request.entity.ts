import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A request for a reset link, as `requestPasswordReset` writes it for any address: the request
 * does the same work whether or not the address is known. The worker reads it, emails a link if
 * the address is an active user's, and deletes it.
 */
@Entity('password_reset_request')
export class PasswordResetRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  /** Lower-cased, as typed. */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @DateTimeColumn()
  createdAt!: Date;
}
