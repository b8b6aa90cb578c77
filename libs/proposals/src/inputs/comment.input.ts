import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';

@InputType('AddCommentInput')
export class AddCommentInput {
  @Field(() => ID)
  proposalId!: string;

  @Field({ description: 'Mention a member with @ and their email: @jane@brand.example.' })
  @IsNotEmpty()
  @MaxLength(10_000)
  body!: string;
}
