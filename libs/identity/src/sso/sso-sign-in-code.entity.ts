import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a completed single sign-on (OIDC or SAML) hands the browser instead of a token: a one-time
 * code, kept only as its hash, that `exchangeSignInCode` turns into a session once, within minutes.
 */
@Entity('sso_sign_in_code')
export class SsoSignInCodeEntity {
  /** Hex SHA-256 of the code (link-secret.ts). */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  providerId!: string;

  @DateTimeColumn()
  expiresAt!: Date;

  @DateTimeColumn()
  createdAt!: Date;
}
