import { HeadingText, NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Role } from '@standpoint/identity';
import { RiskCategory, StanceType, Urgency } from '@standpoint/proposals';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PasskeyRequirement, Quorum } from '../models/enums.graphql';
import { MAX_MEMBER_IDS } from './publication.input';

/** More steps than any real sign-off chain has; each one is a round of decisions. */
export const MAX_POLICY_STEPS = 20;

// Shapes only; what the steps must mean together (approvers who are members, a minimum that fits
// the eligible set) is checked by rules/policy.ts against the brand's members.

@InputType('StepConditionInput')
export class StepConditionInput {
  @Field(() => [Urgency], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(Object.values(Urgency).length)
  @IsEnum(Urgency, { each: true })
  urgencies?: Urgency[] | null;

  @Field(() => [StanceType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(Object.values(StanceType).length)
  @IsEnum(StanceType, { each: true })
  stanceTypes?: StanceType[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  minRiskScore?: number | null;

  @Field(() => [RiskCategory], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(Object.values(RiskCategory).length)
  @IsEnum(RiskCategory, { each: true })
  riskCategories?: RiskCategory[] | null;
}

@InputType('PolicyStepInput')
export class PolicyStepInput {
  @Field()
  @NotBlank()
  @HeadingText()
  @MaxLength(200)
  name!: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MEMBER_IDS)
  approverIds?: string[] | null;

  @Field(() => Quorum)
  @IsEnum(Quorum)
  quorum!: Quorum;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  minApprovals?: number | null;

  @Field(() => StepConditionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StepConditionInput)
  appliesWhen?: StepConditionInput | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  slaHours?: number | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MEMBER_IDS)
  escalateToIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  expireOnTimeout?: boolean | null;
}

@InputType('SetApprovalPolicyInput')
export class SetApprovalPolicyInput {
  @Field(() => ID)
  brandId!: string;

  @Field(() => [PolicyStepInput])
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_POLICY_STEPS)
  @ValidateNested({ each: true })
  @Type(() => PolicyStepInput)
  steps!: PolicyStepInput[];

  @Field(() => PasskeyRequirement, {
    nullable: true,
    description: 'Omitted: as the version before.',
  })
  @IsOptional()
  @IsEnum(PasskeyRequirement)
  passkeyRequiredFor?: PasskeyRequirement | null;
}
