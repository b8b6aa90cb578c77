import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One secret that opens a password link: 256 random bits made when the email is sent, stored only
 * as their SHA-256, as decision links' tokens are.
 */
@Entity('password_link_token')
@Index('ix_password_link_token_link', ['passwordLinkId'])
export class PasswordLinkTokenEntity {
  /** Hex SHA-256 of the token. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 64 })
  passwordLinkId!: string;

  @DateTimeColumn()
  createdAt!: Date;
}
