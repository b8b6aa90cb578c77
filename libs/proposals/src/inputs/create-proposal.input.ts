import { NotBlank } from '@standpoint/graphql';
import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsEnum, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { StanceType, Urgency } from '../models/enums.graphql';
import { ChannelDraftInput } from './channel-draft.input';

@InputType('CreateProposalInput')
export class CreateProposalInput {
  @Field(() => ID)
  brandId!: string;

  @Field()
  @NotBlank()
  @MaxLength(300)
  title!: string;

  @Field()
  @NotBlank()
  @MaxLength(200)
  issue!: string;

  @Field(() => StanceType)
  @IsEnum(StanceType)
  stanceType!: StanceType;

  @Field(() => Urgency)
  @IsEnum(Urgency)
  urgency!: Urgency;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  decisionDeadline?: Date | null;

  @Field(() => [ChannelDraftInput])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ChannelDraftInput)
  drafts!: ChannelDraftInput[];
}
