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

  @Field(() => String, {
    nullable: true,
    description:
      "navigator.credentials.get's answer to decisionPasskeyChallenge for this very decision, as JSON (PublicKeyCredential.toJSON(), or @simplewebauthn/browser's startAuthentication). Required when the brand's policy asks for it (passkeyRequiredFor).",
  })
  @IsOptional()
  @MaxLength(16_000)
  passkeyAssertion?: string | null;
}
