import { DateTimeScalar, NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { EvidenceKind } from '../models/enums.graphql';
import {
  AudienceCommentInput,
  ListeningSnapshotInput,
  PeerBrandExampleInput,
  PostPublishReactionInput,
  SurveyStatInput,
} from './evidence-details.input';

/** What a piece of evidence says; shared by adding and correcting it. */
@InputType({ isAbstract: true })
export class EvidenceContentInput {
  @Field()
  @NotBlank()
  @MaxLength(5000)
  summary!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  sourceUrl?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  capturedAt?: Date | null;

  @Field(() => ListeningSnapshotInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ListeningSnapshotInput)
  listening?: ListeningSnapshotInput | null;

  @Field(() => AudienceCommentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AudienceCommentInput)
  comment?: AudienceCommentInput | null;

  @Field(() => SurveyStatInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SurveyStatInput)
  survey?: SurveyStatInput | null;

  @Field(() => PeerBrandExampleInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeerBrandExampleInput)
  peerExample?: PeerBrandExampleInput | null;

  @Field(() => PostPublishReactionInput, {
    nullable: true,
    description: 'Required for POST_PUBLISH_REACTION evidence.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostPublishReactionInput)
  reaction?: PostPublishReactionInput | null;
}

@InputType('AddEvidenceInput', {
  description: 'The detail object matching kind is required; the others must be absent.',
})
export class AddEvidenceInput extends EvidenceContentInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => EvidenceKind)
  @IsEnum(EvidenceKind)
  kind!: EvidenceKind;
}

@InputType('CorrectEvidenceInput', {
  description: 'Replaces what a piece of evidence says (same kind); the old version is kept.',
})
export class CorrectEvidenceInput extends EvidenceContentInput {
  @Field(() => ID)
  evidenceId!: string;

  @Field()
  @NotBlank()
  @MaxLength(2000)
  reason!: string;
}

@InputType('WithdrawEvidenceInput')
export class WithdrawEvidenceInput {
  @Field(() => ID)
  evidenceId!: string;

  @Field()
  @NotBlank()
  @MaxLength(2000)
  reason!: string;
}

@InputType('CitePrecedentInput')
export class CitePrecedentInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID, { description: 'The evidence id of the precedent (Precedent.evidence.id).' })
  precedentId!: string;
}
