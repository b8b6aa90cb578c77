import { DateTimeScalar } from '@standpoint/graphql';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RecommendationEntity } from '../recommendation.entity';
import { Recommendation } from './enums.graphql';

@ObjectType('TeamRecommendation')
export class TeamRecommendationModel {
  byId!: string;

  @Field(() => Recommendation)
  recommendation!: Recommendation;

  @Field()
  rationale!: string;

  @Field(() => Int, { description: 'The revision the recommendation was made on.' })
  revisionNumber!: number;

  @Field({
    description:
      'Whether it was made on the current revision; if not, the words have changed since.',
  })
  current!: boolean;

  @Field(() => DateTimeScalar)
  at!: Date;

  static from(row: RecommendationEntity, currentRevisionNumber: number): TeamRecommendationModel {
    return Object.assign(new TeamRecommendationModel(), {
      byId: row.byId,
      recommendation: row.recommendation,
      rationale: row.rationale,
      revisionNumber: row.revisionNumber,
      current: row.revisionNumber === currentRevisionNumber,
      at: row.at,
    });
  }
}
