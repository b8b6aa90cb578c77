import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The claim Okta (with a groups claim configured) and Entra ID (group ids) list groups in. */
export const DEFAULT_GROUPS_CLAIM = 'groups';

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

  /**
   * The ID token claim that lists the user's groups (`groups`; `roles` for Entra ID's app roles),
   * which the brand's group mappings turn into roles at sign-in.
   */
  @Column({ type: 'varchar', length: 100, default: DEFAULT_GROUPS_CLAIM })
  groupsClaim!: string;

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
