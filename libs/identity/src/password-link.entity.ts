import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** WELCOME: a new member chooses their first password; RESET: a member asked for a new one. */
export type PasswordLinkPurpose = 'WELCOME' | 'RESET';

/**
 * The right to set one user's password once, from an email (`/account/password/<token>`). It acts
 * once (`usedAt`) and until `expiresAt`; the secret tokens that open it are PasswordLinkTokenEntity
 * rows, made by the worker when it sends the email.
 */
@Entity('password_link')
@Index('ix_password_link_user', ['userId'])
export class PasswordLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  purpose!: PasswordLinkPurpose;

  @DateTimeColumn()
  expiresAt!: Date;

  @DateTimeColumn({ nullable: true })
  usedAt!: Date | null;

  @DateTimeColumn()
  createdAt!: Date;
}
