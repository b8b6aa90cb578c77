import { ProposalState } from '@standpoint/proposals/rules';
import { DecisionOutcome } from './enums';

/** Why a decision is refused; each maps to one typed error of the contract. */
export type Refusal =
  | 'INVALID_TRANSITION'
  | 'STALE_REVISION'
  | 'SELF_APPROVAL'
  | 'NOT_AN_APPROVER'
  | 'ALREADY_DECIDED'
  | 'ACKNOWLEDGEMENT_REQUIRED';

/** Everything the refusal order looks at, gathered by the caller in the decision's transaction. */
export interface DecisionAttempt {
  state: ProposalState;
  /** The content hash of the proposal's current revision. */
  currentContentHash: string;
  /** The content hash the approver saw and sent. */
  contentHash: string;
  approverId: string;
  /** Everyone who wrote words of the proposal: its author and the writer of each revision. */
  writerIds: readonly string[];
  /** mayDecideNow() on the active step; false when no step awaits a decision. */
  eligibleOnActiveStep: boolean;
  /** Whether this approver already decided on the active step for the current revision. */
  alreadyDecided: boolean;
  outcome: DecisionOutcome;
  /** What deciding so must acknowledge: decisionOverride(...).reasons of the proposal as it is now. */
  overrideReasons: readonly string[];
  acknowledgeRisks: boolean;
  comment: string | null;
}

const hasText = (text: string | null): boolean => typeof text === 'string' && text.trim() !== '';

/**
 * The one refusal to answer, in the order of DESIGN.md ("When several refusals apply"), or null
 * when the decision may be recorded. The order matters to the approver: a stale link must say
 * "the words changed" before it says anything about who they are.
 */
export function firstRefusal(attempt: DecisionAttempt): Refusal | null {
  if (attempt.state !== ProposalState.IN_REVIEW) return 'INVALID_TRANSITION';
  // Exact comparison: the hash binds the decision to the words, so no normalisation here.
  if (attempt.contentHash !== attempt.currentContentHash) return 'STALE_REVISION';
  // Four eyes: whoever wrote any of the words never decides on them, whatever their roles.
  if (attempt.writerIds.includes(attempt.approverId)) return 'SELF_APPROVAL';
  if (!attempt.eligibleOnActiveStep) return 'NOT_AN_APPROVER';
  if (attempt.alreadyDecided) return 'ALREADY_DECIDED';
  // Only an approval ever needs the acknowledgement: going against the team by rejecting does not.
  if (
    attempt.outcome === DecisionOutcome.APPROVE &&
    attempt.overrideReasons.length > 0 &&
    !(attempt.acknowledgeRisks === true && hasText(attempt.comment))
  ) {
    return 'ACKNOWLEDGEMENT_REQUIRED';
  }
  return null;
}

/** Asking for changes or rejecting must say why; an approval may speak for itself. */
export function commentRequired(outcome: DecisionOutcome): boolean {
  return outcome === DecisionOutcome.REQUEST_CHANGES || outcome === DecisionOutcome.REJECT;
}
