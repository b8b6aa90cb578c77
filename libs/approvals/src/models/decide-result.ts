import { Field, ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult, resultUnion } from '@standpoint/graphql';
import { addProposalResultMember, InvalidTransitionError } from '@standpoint/proposals';
import { ContentFreezeModel } from './content-freeze.model';
import { DecisionModel } from './decision.model';

function errorOf<T extends ErrorResult>(
  type: new () => T,
  errorCode: ErrorCode,
  message: string,
  extra?: Partial<T>,
): T {
  return Object.assign(new type(), { errorCode, message, ...extra });
}

@ObjectType('StaleRevisionError', { implements: () => [ErrorResult] })
export class StaleRevisionError extends ErrorResult {
  @Field()
  currentContentHash!: string;

  static of(currentContentHash: string): StaleRevisionError {
    return errorOf(
      StaleRevisionError,
      ErrorCode.STALE_REVISION,
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
    return errorOf(NotAnApproverError, ErrorCode.NOT_AN_APPROVER, message);
  }
}

@ObjectType('AlreadyDecidedError', { implements: () => [ErrorResult] })
export class AlreadyDecidedError extends ErrorResult {
  static of(step: string): AlreadyDecidedError {
    return errorOf(
      AlreadyDecidedError,
      ErrorCode.ALREADY_DECIDED,
      `You have already decided on "${step}" for these words`,
    );
  }
}

@ObjectType('SelfApprovalError', { implements: () => [ErrorResult] })
export class SelfApprovalError extends ErrorResult {
  static of(): SelfApprovalError {
    return errorOf(
      SelfApprovalError,
      ErrorCode.SELF_APPROVAL,
      'Whoever wrote words of a proposal (its author or the writer of any revision) never decides on it: four eyes',
    );
  }
}

@ObjectType('AcknowledgementRequiredError', { implements: () => [ErrorResult] })
export class AcknowledgementRequiredError extends ErrorResult {
  @Field(() => [String])
  reasons!: string[];

  static of(reasons: string[]): AcknowledgementRequiredError {
    return errorOf(
      AcknowledgementRequiredError,
      ErrorCode.ACKNOWLEDGEMENT_REQUIRED,
      'Approving now overrules the team: acknowledge the risks (acknowledgeRisks: true) and say why in a comment',
      { reasons },
    );
  }
}

@ObjectType('ContentFreezeActiveError', { implements: () => [ErrorResult] })
export class ContentFreezeActiveError extends ErrorResult {
  @Field(() => ContentFreezeModel)
  freeze!: ContentFreezeModel;

  static of(freeze: ContentFreezeModel): ContentFreezeActiveError {
    return errorOf(
      ContentFreezeActiveError,
      ErrorCode.CONTENT_FREEZE_ACTIVE,
      `A content freeze holds: ${freeze.reason}`,
      { freeze },
    );
  }
}

export const DecideResult = resultUnion('DecideResult', [
  DecisionModel,
  InvalidTransitionError,
  StaleRevisionError,
  NotAnApproverError,
  AlreadyDecidedError,
  SelfApprovalError,
  AcknowledgementRequiredError,
]);
export type DecideResultType =
  | DecisionModel
  | InvalidTransitionError
  | StaleRevisionError
  | NotAnApproverError
  | AlreadyDecidedError
  | SelfApprovalError
  | AcknowledgementRequiredError;

// A freeze is one of the expected answers of the proposal workflow mutations (schedule, markPublished).
addProposalResultMember(ContentFreezeActiveError);
