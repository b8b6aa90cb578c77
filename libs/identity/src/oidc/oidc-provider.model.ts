import { Field, ObjectType } from '@nestjs/graphql';
import { SsoProtocol } from '../sso/sso-protocol';
import { SsoProviderModel } from '../sso/sso-provider.model';
import { OidcProviderEntity } from './oidc-provider.entity';

/** A brand's OIDC provider as its admins see it: never its client secret. */
@ObjectType('OidcProvider', { implements: () => [SsoProviderModel] })
export class OidcProviderModel extends SsoProviderModel {
  @Field()
  issuer!: string;

  @Field()
  clientId!: string;

  @Field({ description: 'The ID token claim whose groups give roles at sign-in.' })
  groupsClaim!: string;

  @Field({ description: 'The redirect URI to register at the provider.' })
  redirectUri!: string;

  static from(
    row: OidcProviderEntity,
    brand: { ssoRequired: boolean; signInUrl: string; redirectUri: string },
  ): OidcProviderModel {
    return Object.assign(new OidcProviderModel(), {
      id: row.id,
      name: row.name,
      protocol: SsoProtocol.OIDC,
      issuer: row.issuer,
      clientId: row.clientId,
      emailDomains: row.emailDomains,
      groupsClaim: row.groupsClaim,
      updatedAt: row.updatedAt,
      ...brand,
    });
  }
}
