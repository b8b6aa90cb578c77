import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * A WebAuthn credential a user registered to confirm their decisions with. The public key is kept
 * twice: as the authenticator gave it (COSE, what verification takes) and in SPKI DER, the form a
 * decision's audit event carries so that it can be checked without this row.
 */
@Entity('passkey')
@Unique('uq_passkey_credential', ['credentialId'])
@Index('ix_passkey_user', ['userId'])
export class PasskeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  /** base64url, as the authenticator names the credential. */
  @Column({ type: 'varchar', length: 1024 })
  credentialId!: string;

  /** base64url of the COSE key. */
  @Column({ type: 'text' })
  publicKey!: string;

  /** base64url of the SPKI DER key. */
  @Column({ type: 'text' })
  spki!: string;

  /** The authenticator's signature counter at the latest use (0: it keeps none). */
  @Column({ type: 'integer' })
  counter!: number;

  @JsonColumn()
  transports!: string[];

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn({ nullable: true })
  lastUsedAt!: Date | null;
}
