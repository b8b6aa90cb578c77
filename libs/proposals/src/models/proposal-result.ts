import { resultUnion } from '@standpoint/graphql';
import {
  ContentFreezeActiveError,
  IncompleteProposalError,
  InvalidTransitionError,
  VersionConflictError,
} from '../proposal.errors';
import { ProposalModel } from './proposal.model';

/**
 * What a workflow mutation on a proposal answers: the proposal, or an expected failure. A freeze
 * refuses only scheduling and publishing, but they answer this union too (contract).
 */
export const ProposalResult = resultUnion('ProposalResult', [
  ProposalModel,
  InvalidTransitionError,
  VersionConflictError,
  IncompleteProposalError,
  ContentFreezeActiveError,
]);
export type ProposalResultType =
  | ProposalModel
  | InvalidTransitionError
  | VersionConflictError
  | IncompleteProposalError
  | ContentFreezeActiveError;
