import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An organisation's OpenID Connect provider (Okta, Entra ID, Google Workspace…): where its people
 * sign in, and the email domains it vouches for. One provider serves one or several brands
 * (OidcProviderBrandEntity), each added by an admin of that brand. The client secret is kept
 * sealed (SecretBox, bound to this row) and never shown again.
 */
@Entity('oidc_provider')
export class OidcProviderEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  /** What the sign-in page and errors call it ("Acme Okta"). */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The issuer identifier; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  @Column({ type: 'varchar', length: 2048 })
  issuer!: string;

  @Column({ type: 'varchar', length: 255 })
  clientId!: string;

  /** Sealed with the context `oidc_provider:<id>:clientSecret`. */
  @Column({ type: 'text' })
  sealedClientSecret!: string;

  /** Lower case; an ID token's email must be in one of them. */
  @JsonColumn()
  emailDomains!: string[];

  @Column({ type: 'varchar', length: 64 })
  createdById!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}

/** What a sealed client secret of this provider is bound to. */
export function clientSecretContext(providerId: string): string {
  return `oidc_provider:${providerId}:clientSecret`;
}
