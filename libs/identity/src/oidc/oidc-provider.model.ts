import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@standpoint/graphql';
import { OidcProviderEntity } from './oidc-provider.entity';

/** A brand's OIDC provider as its admins see it: never its client secret. */
@ObjectType('OidcProvider')
export class OidcProviderModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  issuer!: string;

  @Field()
  clientId!: string;

  @Field(() => [String])
  emailDomains!: string[];

  @Field({ description: 'The ID token claim whose groups give roles at sign-in.' })
  groupsClaim!: string;

  @Field({ description: 'Whether this brand requires its members to sign in through it.' })
  ssoRequired!: boolean;

  @Field({ description: 'Where sign-in through it starts (a browser opens it).' })
  signInUrl!: string;

  @Field({ description: 'The redirect URI to register at the provider.' })
  redirectUri!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  static from(
    row: OidcProviderEntity,
    brand: { ssoRequired: boolean; signInUrl: string; redirectUri: string },
  ): OidcProviderModel {
    return Object.assign(new OidcProviderModel(), {
      id: row.id,
      name: row.name,
      issuer: row.issuer,
      clientId: row.clientId,
      emailDomains: row.emailDomains,
      groupsClaim: row.groupsClaim,
      updatedAt: row.updatedAt,
      ...brand,
    });
  }
}
