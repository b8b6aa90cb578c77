import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The attribute Okta's and Google's group statements are usually named. */
export const DEFAULT_GROUPS_ATTRIBUTE = 'groups';

/**
 * An organisation's SAML 2.0 identity provider (Okta, Entra ID, Google Workspace…): where its
 * people sign in, the certificates its assertions are signed with, and the email domains it
 * vouches for. Like an OIDC provider it serves one or several brands (SsoProviderBrandEntity).
 * Standpoint is the service provider; its entity id and assertion consumer service are per
 * provider (saml-urls.ts), so each provider's audience is its own.
 */
@Entity('saml_provider')
export class SamlProviderEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  /** What the sign-in page and errors call it ("Acme Okta"). */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The identity provider's entity id: an assertion's Issuer must be exactly this. */
  @Column({ type: 'varchar', length: 1024 })
  idpEntityId!: string;

  /** Where a sign-in this side starts is sent (HTTP-Redirect binding). */
  @Column({ type: 'varchar', length: 2048 })
  idpSsoUrl!: string;

  /** The PEM certificates an assertion may be signed with (two while the provider rotates). */
  @JsonColumn()
  idpCertificates!: string[];

  /** Lower case; an assertion's email must be in one of them. */
  @JsonColumn()
  emailDomains!: string[];

  /** The attribute that carries the email; null: the subject's NameID is the email. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  emailAttribute!: string | null;

  /** The attribute that lists the user's groups, whose mappings give roles at sign-in. */
  @Column({ type: 'varchar', length: 255, default: DEFAULT_GROUPS_ATTRIBUTE })
  groupsAttribute!: string;

  @Column({ type: 'varchar', length: 64 })
  createdById!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
