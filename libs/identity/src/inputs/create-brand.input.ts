import { HeadingText, NotBlank } from '@standpoint/graphql';
import { Field, InputType } from '@nestjs/graphql';
import { Matches, MaxLength } from 'class-validator';

@InputType('CreateBrandInput')
export class CreateBrandInput {
  @Field()
  @NotBlank()
  @HeadingText()
  @MaxLength(200)
  name!: string;

  @Field()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'slug must be lower-case letters and digits, words joined by single hyphens',
  })
  @MaxLength(63)
  slug!: string;
}
