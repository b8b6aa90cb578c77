import { NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, MaxLength } from 'class-validator';
import { DecisionOutcome } from '../models/enums.graphql';

@InputType('DecideInput')
export class DecideInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => DecisionOutcome)
  @IsEnum(DecisionOutcome)
  outcome!: DecisionOutcome;

  @Field({ description: 'The content hash of the revision that the approver reviewed.' })
  @NotBlank()
  contentHash!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  comment?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Required (true), with a comment, to approve against a HOLD / DO_NOT_POST recommendation or while a HIGH or CRITICAL risk is open.',
  })
  @IsOptional()
  @IsBoolean()
  acknowledgeRisks?: boolean | null;
}
