import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '@standpoint/identity';
import { RiskCategory, StanceType, Urgency } from '@standpoint/proposals';
import { ApprovalPolicyEntity } from '../approval-policy.entity';
import { PolicyStep, StepCondition } from '../rules';
import { PasskeyRequirement, Quorum } from './enums.graphql';

@ObjectType('StepCondition')
export class StepConditionModel {
  @Field(() => [Urgency], { nullable: true })
  urgencies!: Urgency[] | null;

  @Field(() => [StanceType], { nullable: true })
  stanceTypes!: StanceType[] | null;

  @Field(() => Int, { nullable: true })
  minRiskScore!: number | null;

  @Field(() => [RiskCategory], { nullable: true })
  riskCategories!: RiskCategory[] | null;

  static from(condition: StepCondition): StepConditionModel {
    return Object.assign(new StepConditionModel(), {
      urgencies: condition.urgencies ?? null,
      stanceTypes: condition.stanceTypes ?? null,
      minRiskScore: condition.minRiskScore ?? null,
      riskCategories: condition.riskCategories ?? null,
    });
  }
}

@ObjectType('PolicyStep')
export class PolicyStepModel {
  @Field()
  name!: string;

  @Field(() => Role, { nullable: true, description: 'Every member holding this role may decide.' })
  role!: Role | null;

  @Field(() => [ID])
  approverIds!: string[];

  @Field(() => Quorum)
  quorum!: Quorum;

  @Field(() => Int)
  minApprovals!: number;

  @Field(() => StepConditionModel, {
    nullable: true,
    description: 'Null: the step always applies.',
  })
  appliesWhen!: StepConditionModel | null;

  @Field(() => Int, { nullable: true })
  slaHours!: number | null;

  @Field(() => [ID])
  escalateToIds!: string[];

  @Field()
  expireOnTimeout!: boolean;

  static from(step: PolicyStep): PolicyStepModel {
    return Object.assign(new PolicyStepModel(), {
      ...step,
      role: step.role as Role | null,
      appliesWhen: step.appliesWhen ? StepConditionModel.from(step.appliesWhen) : null,
    });
  }
}

@ObjectType('ApprovalPolicy')
export class ApprovalPolicyModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => [PolicyStepModel])
  steps!: PolicyStepModel[];

  @Field(() => PasskeyRequirement, {
    description:
      'Which decisions the approver must confirm with their passkey (under the version in force when they decide).',
  })
  passkeyRequiredFor!: PasskeyRequirement;

  static from(row: ApprovalPolicyEntity): ApprovalPolicyModel {
    return Object.assign(new ApprovalPolicyModel(), {
      id: row.id,
      version: row.version,
      steps: row.steps.map(PolicyStepModel.from),
      passkeyRequiredFor: row.passkeyRequiredFor,
    });
  }
}
