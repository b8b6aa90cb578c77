import { DateTimeScalar, NotBlank } from '@standpoint/graphql';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNumber, IsOptional, MaxLength } from 'class-validator';
import { PeerReception } from '../models/enums.graphql';

// Shapes only; the rules between fields (shares summing to 1, a period in order) are in
// rules/evidence-rules.ts.

@InputType('ListeningSnapshotInput')
export class ListeningSnapshotInput {
  @Field()
  @NotBlank()
  @MaxLength(1000)
  query!: string;

  @Field(() => DateTimeScalar)
  periodStart!: Date;

  @Field(() => DateTimeScalar)
  periodEnd!: Date;

  @Field(() => Int)
  @IsInt()
  mentionCount!: number;

  @Field(() => Float)
  @IsNumber()
  positiveShare!: number;

  @Field(() => Float)
  @IsNumber()
  neutralShare!: number;

  @Field(() => Float)
  @IsNumber()
  negativeShare!: number;
}

@InputType('AudienceCommentInput')
export class AudienceCommentInput {
  @Field()
  @NotBlank()
  @MaxLength(5000)
  quote!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  platform?: string | null;
}

@InputType('SurveyStatInput')
export class SurveyStatInput {
  @Field(() => Float, { description: 'A percentage, 0 to 100.' })
  @IsNumber()
  statistic!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  sampleSize?: number | null;

  @Field()
  @NotBlank()
  @MaxLength(500)
  source!: string;
}

@InputType('PeerBrandExampleInput')
export class PeerBrandExampleInput {
  @Field()
  @NotBlank()
  @MaxLength(200)
  peerBrand!: string;

  @Field()
  @NotBlank()
  @MaxLength(2000)
  action!: string;

  @Field(() => PeerReception)
  @IsEnum(PeerReception)
  reception!: PeerReception;
}

@InputType('PostPublishReactionInput')
export class PostPublishReactionInput {
  @Field(() => PeerReception, { description: 'How our published post was received.' })
  @IsEnum(PeerReception)
  reception!: PeerReception;
}
