import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { ChannelDraftInput } from './channel-draft.input';

@InputType('ReviseProposalInput')
export class ReviseProposalInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;

  @Field(() => [ChannelDraftInput])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ChannelDraftInput)
  drafts!: ChannelDraftInput[];
}
