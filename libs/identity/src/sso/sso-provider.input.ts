import { Field, ID, InputType } from '@nestjs/graphql';
import { HeadingText, NotBlank } from '@standpoint/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

/** What configuring a provider of either protocol takes besides the protocol's own settings. */
@InputType({ isAbstract: true })
export abstract class SsoProviderInput {
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

  @Field(() => [ID], {
    description:
      'The brands it serves; the caller must be an ADMIN of each (and of each it stops serving).',
  })
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @ArrayUnique()
  brandIds!: string[];
}
