import { DateTimeColumn } from '@standpoint/database';
import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An assertion that signed someone in: the same assertion posted again (copied from a browser's
 * history or a proxy's log) is refused. Kept until the assertion itself expires, after which the
 * signature checks refuse it anyway.
 */
@Entity('saml_assertion_seen')
@Index('ix_saml_assertion_seen_expires', ['expiresAt'])
export class SamlAssertionSeenEntity {
  /** Hex SHA-256 of the provider's id and the assertion's ID. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  assertionHash!: string;

  @DateTimeColumn()
  expiresAt!: Date;
}
