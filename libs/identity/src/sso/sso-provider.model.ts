import { Field, ID, InterfaceType } from '@nestjs/graphql';
import { DateTimeScalar } from '@standpoint/graphql';
import { SsoProtocol } from './sso-protocol';

/** A brand's identity provider as its admins see it, whatever its protocol; never a secret. */
@InterfaceType('SsoProvider', {
  resolveType: (provider: SsoProviderModel) =>
    provider.protocol === SsoProtocol.SAML ? 'SamlProvider' : 'OidcProvider',
})
export abstract class SsoProviderModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => SsoProtocol)
  protocol!: SsoProtocol;

  @Field(() => [String])
  emailDomains!: string[];

  @Field({ description: 'Whether this brand requires its members to sign in through it.' })
  ssoRequired!: boolean;

  @Field({ description: 'Where sign-in through it starts (a browser opens it).' })
  signInUrl!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}
