import { NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Role } from '@standpoint/identity';
import { RiskCategory, StanceType, Urgency } from '@standpoint/proposals';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Quorum } from '../models/enums.graphql';

// Shapes only; what the steps must mean together (approvers who are members, a minimum that fits
// the eligible set) is checked by rules/policy.ts against the brand's members.

@InputType('StepConditionInput')
export class StepConditionInput {
  @Field(() => [Urgency], { nullable: true })
  @IsOptional()
  @IsEnum(Urgency, { each: true })
  urgencies?: Urgency[] | null;

  @Field(() => [StanceType], { nullable: true })
  @IsOptional()
  @IsEnum(StanceType, { each: true })
  stanceTypes?: StanceType[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  minRiskScore?: number | null;

  @Field(() => [RiskCategory], { nullable: true })
  @IsOptional()
  @IsEnum(RiskCategory, { each: true })
  riskCategories?: RiskCategory[] | null;
}

@InputType('PolicyStepInput')
export class PolicyStepInput {
  @Field()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
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
  @ValidateNested({ each: true })
  @Type(() => PolicyStepInput)
  steps!: PolicyStepInput[];
}
