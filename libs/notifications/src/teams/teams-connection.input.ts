import { Field, ID, InputType } from '@nestjs/graphql';
import { MaxLength } from 'class-validator';

@InputType('SetTeamsConnectionInput')
export class SetTeamsConnectionInput {
  @Field(() => ID)
  brandId!: string;

  @Field({
    description:
      'The URL of the Teams workflow "When a Teams webhook request is received" (https, public). A secret: stored encrypted, never shown again.',
  })
  @MaxLength(2048)
  url!: string;
}
