import { DateTimeScalar, HeadingText, NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { StanceType, Urgency } from '../models/enums.graphql';
import { ChannelDraftInput, MAX_DRAFTS } from './channel-draft.input';

@InputType('CreateProposalInput')
export class CreateProposalInput {
  @Field(() => ID)
  brandId!: string;

  @Field()
  @NotBlank()
  @HeadingText()
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

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  decisionDeadline?: Date | null;

  @Field(() => [ChannelDraftInput])
  @IsArray()
  @ArrayMaxSize(MAX_DRAFTS)
  @ValidateNested({ each: true })
  @Type(() => ChannelDraftInput)
  drafts!: ChannelDraftInput[];
}
