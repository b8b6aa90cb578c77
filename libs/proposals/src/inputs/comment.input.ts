import { NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { MaxLength } from 'class-validator';

@InputType('AddCommentInput')
export class AddCommentInput {
  @Field(() => ID)
  proposalId!: string;

  @Field({ description: 'Mention a member with @ and their email: @jane@brand.example.' })
  @NotBlank()
  @MaxLength(10_000)
  body!: string;
}
