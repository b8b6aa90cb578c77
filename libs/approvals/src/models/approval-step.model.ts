import { DateTimeScalar } from '@standpoint/graphql';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { StepStatus } from './enums.graphql';

@ObjectType('ApprovalStep')
export class ApprovalStepModel {
  eligibleApproverIds!: string[];

  @Field()
  name!: string;

  @Field(() => Int)
  order!: number;

  @Field(() => StepStatus)
  status!: StepStatus;

  @Field(() => Int)
  requiredApprovals!: number;

  @Field(() => Int, { description: 'Approvals of the current words; stale ones do not count.' })
  approvals!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  dueAt!: Date | null;

  @Field({
    description: "Whether the step's deputies were made eligible when its deadline passed.",
  })
  escalated!: boolean;
}
