import { Field, ID, InputType } from '@nestjs/graphql';
import { HeadingText, NotBlank } from '@standpoint/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

@InputType('SetOidcProviderInput')
export class SetOidcProviderInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The provider to change; none configures a new one.',
  })
  @IsOptional()
  id?: string;

  @Field({ description: 'What sign-in pages and errors call it, e.g. "Acme Okta".' })
  @NotBlank()
  @HeadingText()
  @MaxLength(100)
  name!: string;

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

  @Field(() => [String], {
    description:
      "The email domains it vouches for. A brand admin may name their own address's domain; a platform administrator any.",
  })
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  emailDomains!: string[];

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

  @Field(() => [ID], {
    description:
      'The brands it serves; the caller must be an ADMIN of each (and of each it stops serving).',
  })
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @ArrayUnique()
  brandIds!: string[];
}
