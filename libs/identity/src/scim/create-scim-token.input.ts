import { Field, ID, InputType } from '@nestjs/graphql';
import { HeadingText, NotBlank } from '@standpoint/graphql';
import { MaxLength } from 'class-validator';

@InputType('CreateScimTokenInput')
export class CreateScimTokenInput {
  @Field(() => ID)
  brandId!: string;

  @Field({ description: 'Names the identity provider in the audit trail ("Okta").' })
  @NotBlank()
  @HeadingText()
  @MaxLength(100)
  label!: string;
}
