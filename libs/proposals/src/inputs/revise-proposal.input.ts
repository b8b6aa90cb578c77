import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { ChannelDraftInput, MAX_DRAFTS } from './channel-draft.input';

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
  @ArrayMaxSize(MAX_DRAFTS)
  @ValidateNested({ each: true })
  @Type(() => ChannelDraftInput)
  drafts!: ChannelDraftInput[];
}
