import { NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, MaxLength } from 'class-validator';
import { Recommendation } from '../models/enums.graphql';

@InputType('SetRecommendationInput')
export class SetRecommendationInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => Recommendation)
  @IsEnum(Recommendation)
  recommendation!: Recommendation;

  @Field()
  @NotBlank()
  @MaxLength(10_000)
  rationale!: string;
}
