import { DateTimeScalar, NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Channel } from '@standpoint/proposals';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, MaxLength } from 'class-validator';

/** Bounds a list of members; a brand's steps and exceptions name a few people, not hundreds. */
export const MAX_MEMBER_IDS = 100;

@InputType('ScheduleInput')
export class ScheduleInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => DateTimeScalar)
  publishAt!: Date;
}

@InputType('MarkPublishedInput')
export class MarkPublishedInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => Channel)
  @IsEnum(Channel)
  channel!: Channel;

  @Field()
  @NotBlank()
  @MaxLength(2000)
  url!: string;
}

@InputType('ReasonInput')
export class ReasonInput {
  @Field(() => ID)
  proposalId!: string;

  @Field()
  @NotBlank()
  @MaxLength(5000)
  reason!: string;
}

@InputType('StartContentFreezeInput')
export class StartContentFreezeInput {
  @Field(() => ID)
  brandId!: string;

  @Field()
  @NotBlank()
  @MaxLength(5000)
  reason!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  endsAt?: Date | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Members who may still schedule and mark published during the freeze.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MEMBER_IDS)
  allowUserIds?: string[] | null;
}
