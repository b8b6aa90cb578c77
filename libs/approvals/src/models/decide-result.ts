import { resultUnion } from '@standpoint/graphql';
import { InvalidTransitionError } from '@standpoint/proposals';
import {
  AcknowledgementRequiredError,
  AlreadyDecidedError,
  NotAnApproverError,
  PasskeyRefusedError,
  PasskeyRequiredError,
  SelfApprovalError,
  StaleRevisionError,
} from '../approval.errors';
import { DecisionModel } from './decision.model';

export const DecideResult = resultUnion('DecideResult', [
  DecisionModel,
  InvalidTransitionError,
  StaleRevisionError,
  NotAnApproverError,
  AlreadyDecidedError,
  SelfApprovalError,
  AcknowledgementRequiredError,
  PasskeyRequiredError,
  PasskeyRefusedError,
]);
export type DecideResultType =
  | DecisionModel
  | InvalidTransitionError
  | StaleRevisionError
  | NotAnApproverError
  | AlreadyDecidedError
  | SelfApprovalError
  | AcknowledgementRequiredError
  | PasskeyRequiredError
  | PasskeyRefusedError;
