import { Field, InputType } from '@nestjs/graphql';
import { NotBlank } from '@standpoint/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SsoProviderInput } from '../sso/sso-provider.input';

@InputType('SetOidcProviderInput')
export class SetOidcProviderInput extends SsoProviderInput {
  @Field({
    description:
      'The issuer identifier (https), e.g. https://acme.okta.com; its discovery document is read.',
  })
  @MaxLength(2048)
  issuer!: string;

  @Field()
  @NotBlank()
  @MaxLength(255)
  clientId!: string;

  @Field({
    nullable: true,
    description:
      'Required for a new provider; a change without it keeps the current one. A secret: stored encrypted, never shown again.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  clientSecret?: string;

  @Field({
    nullable: true,
    description:
      "The ID token claim that lists the user's groups, whose mappings (setGroupRoles) give roles at sign-in: `groups` (the default for a new provider; Okta, Entra ID group ids), `roles` (Entra ID app roles)… A change without it keeps the current one.",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, {
    message: 'groupsClaim is a claim name (letters, digits and _ : . / -, at most 100)',
  })
  groupsClaim?: string;
}
