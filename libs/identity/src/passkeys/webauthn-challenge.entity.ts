import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DecisionWords } from '@standpoint/audit';

export enum WebAuthnPurpose {
  REGISTRATION = 'REGISTRATION',
  DECISION = 'DECISION',
}

/**
 * A WebAuthn challenge the server issued to one user: it answers once (`usedAt`) and until
 * `expiresAt`. A decision's challenge commits to the decision (`decision`, with `nonce`).
 */
@Entity('webauthn_challenge')
@Index('ix_webauthn_challenge_user', ['userId', 'challenge'])
export class WebAuthnChallengeEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  purpose!: WebAuthnPurpose;

  /** base64url, as the client data echoes it. */
  @Column({ type: 'varchar', length: 128 })
  challenge!: string;

  /** For a decision: the server's random nonce the challenge commits to, with the decision. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  nonce!: string | null;

  @JsonColumn({ nullable: true })
  decision!: DecisionWords | null;

  @DateTimeColumn()
  expiresAt!: Date;

  @DateTimeColumn({ nullable: true })
  usedAt!: Date | null;

  @DateTimeColumn()
  createdAt!: Date;
}
