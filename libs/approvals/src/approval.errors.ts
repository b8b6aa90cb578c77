import { Field, ObjectType } from '@nestjs/graphql';
import { declareErrorCodes, ErrorResult, errorResult } from '@standpoint/graphql';

/** Why a decision is refused, as data (DecideResult). */
export const ApprovalErrorCode = declareErrorCodes([
  'STALE_REVISION',
  'NOT_AN_APPROVER',
  'ALREADY_DECIDED',
  'SELF_APPROVAL',
  'ACKNOWLEDGEMENT_REQUIRED',
  'PASSKEY_REQUIRED',
  'PASSKEY_REFUSED',
]);

@ObjectType('StaleRevisionError', { implements: () => [ErrorResult] })
export class StaleRevisionError extends ErrorResult {
  @Field()
  currentContentHash!: string;

  static of(currentContentHash: string): StaleRevisionError {
    return errorResult(
      StaleRevisionError,
      ApprovalErrorCode.STALE_REVISION,
      'The words have changed since you read them: review the current revision',
      {
        currentContentHash,
      },
    );
  }
}

@ObjectType('NotAnApproverError', { implements: () => [ErrorResult] })
export class NotAnApproverError extends ErrorResult {
  static of(step: string | null): NotAnApproverError {
    const message = step
      ? `You are not among the approvers of the step "${step}"`
      : 'No step awaits a decision';
    return errorResult(NotAnApproverError, ApprovalErrorCode.NOT_AN_APPROVER, message);
  }
}

@ObjectType('AlreadyDecidedError', { implements: () => [ErrorResult] })
export class AlreadyDecidedError extends ErrorResult {
  static of(step: string): AlreadyDecidedError {
    return errorResult(
      AlreadyDecidedError,
      ApprovalErrorCode.ALREADY_DECIDED,
      `You have already decided on "${step}" for these words`,
    );
  }
}

@ObjectType('SelfApprovalError', { implements: () => [ErrorResult] })
export class SelfApprovalError extends ErrorResult {
  static of(): SelfApprovalError {
    return errorResult(
      SelfApprovalError,
      ApprovalErrorCode.SELF_APPROVAL,
      'Whoever wrote words of a proposal (its author or the writer of any revision) never decides on it: four eyes',
    );
  }
}

@ObjectType('AcknowledgementRequiredError', { implements: () => [ErrorResult] })
export class AcknowledgementRequiredError extends ErrorResult {
  @Field(() => [String])
  reasons!: string[];

  static of(reasons: string[]): AcknowledgementRequiredError {
    return errorResult(
      AcknowledgementRequiredError,
      ApprovalErrorCode.ACKNOWLEDGEMENT_REQUIRED,
      'Approving now overrules the team: acknowledge the risks (acknowledgeRisks: true) and say why in a comment',
      { reasons },
    );
  }
}

@ObjectType('PasskeyRequiredError', { implements: () => [ErrorResult] })
export class PasskeyRequiredError extends ErrorResult {
  static of(): PasskeyRequiredError {
    return errorResult(
      PasskeyRequiredError,
      ApprovalErrorCode.PASSKEY_REQUIRED,
      "The brand's policy asks you to confirm this decision with your passkey: ask for decisionPasskeyChallenge and send the assertion as passkeyAssertion",
    );
  }
}

@ObjectType('PasskeyRefusedError', { implements: () => [ErrorResult] })
export class PasskeyRefusedError extends ErrorResult {
  @Field({ description: 'Why the assertion does not confirm this decision.' })
  reason!: string;

  static of(reason: string): PasskeyRefusedError {
    return errorResult(
      PasskeyRefusedError,
      ApprovalErrorCode.PASSKEY_REFUSED,
      `Your passkey did not confirm this decision: ${reason}`,
      { reason },
    );
  }
}
