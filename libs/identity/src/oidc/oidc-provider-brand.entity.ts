import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A brand an OIDC provider serves: a brand has at most one provider, so "sign in through your
 * provider" always names one. `ssoRequired` is the brand's enforcement: its members then sign in
 * through this provider only (platform administrators keep their password).
 */
@Entity('oidc_provider_brand')
@Index('ix_oidc_provider_brand_provider', ['providerId'])
export class OidcProviderBrandEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 64 })
  providerId!: string;

  @Column({ type: 'boolean', default: false })
  ssoRequired!: boolean;

  @DateTimeColumn()
  createdAt!: Date;
}
