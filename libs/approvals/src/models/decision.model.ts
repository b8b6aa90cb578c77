import { DateTimeScalar } from '@standpoint/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DecisionEntity } from '../decision.entity';
import { DecisionChannel, DecisionOutcome } from './enums.graphql';

@ObjectType('Decision')
export class DecisionModel {
  approverId!: string;

  @Field(() => ID)
  id!: string;

  @Field({ description: 'The name of the step decided on.' })
  step!: string;

  @Field(() => DecisionOutcome)
  outcome!: DecisionOutcome;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Int)
  revisionNumber!: number;

  @Field()
  contentHash!: string;

  @Field({
    description:
      'Made on words or a review round that has since been replaced: kept, never counted.',
  })
  stale!: boolean;

  @Field()
  overridesRecommendation!: boolean;

  @Field(() => [String], { description: 'The warnings the approver acknowledged when overriding.' })
  acknowledgedReasons!: string[];

  @Field(() => DecisionChannel)
  channel!: DecisionChannel;

  @Field(() => DateTimeScalar)
  decidedAt!: Date;

  static from(
    row: DecisionEntity,
    current: { revisionNumber: number; round: number },
  ): DecisionModel {
    return Object.assign(new DecisionModel(), {
      approverId: row.approverId,
      id: row.id,
      step: row.stepName,
      outcome: row.outcome,
      comment: row.comment,
      revisionNumber: row.revisionNumber,
      contentHash: row.contentHash,
      stale: row.revisionNumber !== current.revisionNumber || row.round !== current.round,
      overridesRecommendation: row.overridesRecommendation,
      acknowledgedReasons: row.acknowledgedReasons,
      channel: row.channel,
      decidedAt: row.decidedAt,
    });
  }
}
