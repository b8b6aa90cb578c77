import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * A brand's SCIM bearer token: at most one per brand, 256 random bits stored only as their
 * SHA-256, as password and decision links are. Rotating replaces the row; revoking deletes it.
 */
@Entity('scim_token')
@Unique('uq_scim_token_brand', ['brandId'])
@Unique('uq_scim_token_hash', ['tokenHash'])
export class ScimTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  /** What the ADMIN calls the provider holding it ("Okta"); the audit trail names it. */
  @Column({ type: 'varchar', length: 100 })
  label!: string;

  /** Hex SHA-256 of the token. */
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @DateTimeColumn()
  createdAt!: Date;
}
