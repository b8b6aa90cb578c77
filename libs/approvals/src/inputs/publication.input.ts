import { NotBlank } from '@standpoint/graphql';
import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { Channel } from '@standpoint/proposals';
import { IsArray, IsEnum, IsOptional, MaxLength } from 'class-validator';

@InputType('ScheduleInput')
export class ScheduleInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => GraphQLISODateTime)
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

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  endsAt?: Date | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Members who may still schedule and mark published during the freeze.',
  })
  @IsOptional()
  @IsArray()
  allowUserIds?: string[] | null;
}
