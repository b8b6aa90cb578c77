import { Field, Int, ObjectType } from '@nestjs/graphql';
import { declareErrorCodes, ErrorResult, errorResult } from '@standpoint/graphql';
import { ContentFreezeModel } from './models/content-freeze.model';
import { ProposalState } from './models/enums.graphql';

/** Why the proposal workflow refuses a move, as data (ProposalResult). */
export const ProposalErrorCode = declareErrorCodes([
  'INVALID_TRANSITION',
  'VERSION_CONFLICT',
  'INCOMPLETE_PROPOSAL',
  // Approvals finds the freeze; the refusal is one of ProposalResult's members, declared here.
  'CONTENT_FREEZE_ACTIVE',
]);

@ObjectType('InvalidTransitionError', { implements: () => [ErrorResult] })
export class InvalidTransitionError extends ErrorResult {
  @Field(() => ProposalState)
  fromState!: ProposalState;

  @Field()
  transition!: string;

  static of(fromState: ProposalState, transition: string): InvalidTransitionError {
    return errorResult(
      InvalidTransitionError,
      ProposalErrorCode.INVALID_TRANSITION,
      `A proposal in state ${fromState} cannot ${transition}`,
      { fromState, transition },
    );
  }
}

@ObjectType('VersionConflictError', { implements: () => [ErrorResult] })
export class VersionConflictError extends ErrorResult {
  @Field(() => Int)
  currentVersion!: number;

  static of(currentVersion: number): VersionConflictError {
    return errorResult(
      VersionConflictError,
      ProposalErrorCode.VERSION_CONFLICT,
      `The proposal changed meanwhile: it is at version ${currentVersion}; reload and try again`,
      { currentVersion },
    );
  }
}

@ObjectType('IncompleteProposalError', { implements: () => [ErrorResult] })
export class IncompleteProposalError extends ErrorResult {
  @Field(() => [String])
  missing!: string[];

  static of(missing: string[]): IncompleteProposalError {
    return errorResult(
      IncompleteProposalError,
      ProposalErrorCode.INCOMPLETE_PROPOSAL,
      `Not ready for review: ${missing.join('; ')}`,
      { missing },
    );
  }
}

@ObjectType('ContentFreezeActiveError', { implements: () => [ErrorResult] })
export class ContentFreezeActiveError extends ErrorResult {
  @Field(() => ContentFreezeModel)
  freeze!: ContentFreezeModel;

  static of(freeze: ContentFreezeModel): ContentFreezeActiveError {
    return errorResult(
      ContentFreezeActiveError,
      ProposalErrorCode.CONTENT_FREEZE_ACTIVE,
      `A content freeze holds: ${freeze.reason}`,
      { freeze },
    );
  }
}
