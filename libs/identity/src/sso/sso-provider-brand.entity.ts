import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SsoProtocol } from './sso-protocol';

/**
 * A brand an identity provider (OIDC or SAML) serves: a brand has at most one provider, of either
 * protocol, so "sign in through your provider" always names one. `ssoRequired` is the brand's
 * enforcement: its members then sign in through this provider only (platform administrators keep
 * their password).
 */
@Entity('sso_provider_brand')
@Index('ix_sso_provider_brand_provider', ['providerId'])
export class SsoProviderBrandEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 64 })
  providerId!: string;

  /** Which table holds the provider: `oidc_provider` or `saml_provider`. */
  @Column({ type: 'varchar', length: 8 })
  protocol!: SsoProtocol;

  @Column({ type: 'boolean', default: false })
  ssoRequired!: boolean;

  @DateTimeColumn()
  createdAt!: Date;
}
