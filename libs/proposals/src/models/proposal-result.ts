import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult, resultUnion } from '@standpoint/graphql';
import { ProposalState } from './enums.graphql';
import { ProposalModel } from './proposal.model';

@ObjectType('InvalidTransitionError', { implements: () => [ErrorResult] })
export class InvalidTransitionError extends ErrorResult {
  @Field(() => ProposalState)
  fromState!: ProposalState;

  @Field()
  transition!: string;

  static of(fromState: ProposalState, transition: string): InvalidTransitionError {
    return Object.assign(new InvalidTransitionError(), {
      errorCode: ErrorCode.INVALID_TRANSITION,
      message: `A proposal in state ${fromState} cannot ${transition}`,
      fromState,
      transition,
    });
  }
}

@ObjectType('VersionConflictError', { implements: () => [ErrorResult] })
export class VersionConflictError extends ErrorResult {
  @Field(() => Int)
  currentVersion!: number;

  static of(currentVersion: number): VersionConflictError {
    return Object.assign(new VersionConflictError(), {
      errorCode: ErrorCode.VERSION_CONFLICT,
      message: `The proposal changed meanwhile: it is at version ${currentVersion}; reload and try again`,
      currentVersion,
    });
  }
}

@ObjectType('IncompleteProposalError', { implements: () => [ErrorResult] })
export class IncompleteProposalError extends ErrorResult {
  @Field(() => [String])
  missing!: string[];
}

// Later features add their failures (a content freeze) before the schema is built.
const proposalResultMembers: Type<object>[] = [
  ProposalModel,
  InvalidTransitionError,
  VersionConflictError,
  IncompleteProposalError,
];

export function addProposalResultMember(member: Type<object>): void {
  proposalResultMembers.push(member);
}

/** What a workflow mutation on a proposal answers: the proposal, or an expected failure. */
export const ProposalResult = resultUnion('ProposalResult', proposalResultMembers);
export type ProposalResultType =
  ProposalModel | InvalidTransitionError | VersionConflictError | IncompleteProposalError;
