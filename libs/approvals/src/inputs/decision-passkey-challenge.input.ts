import { NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { DecisionOutcome } from '../models/enums.graphql';

/** The decision a passkey challenge is for: the step is the one awaiting a decision now. */
@InputType('DecisionPasskeyChallengeInput')
export class DecisionPasskeyChallengeInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => DecisionOutcome)
  @IsEnum(DecisionOutcome)
  outcome!: DecisionOutcome;

  @Field({ description: 'The content hash of the revision that the approver reviewed.' })
  @NotBlank()
  contentHash!: string;
}
