import { EvidenceKind, ProposalState } from './enums';

const {
  DRAFT,
  IN_REVIEW,
  CHANGES_REQUESTED,
  APPROVED,
  REJECTED,
  EXPIRED,
  SCHEDULED,
  PUBLISHED,
  WITHDRAWN,
  RETRACTED,
} = ProposalState;

/** Where the words may still change (revising is not a state change, so not a transition). */
export const REVISABLE_STATES: ReadonlySet<ProposalState> = new Set([
  DRAFT,
  IN_REVIEW,
  CHANGES_REQUESTED,
]);

/** Evidence, risk notes, comments and the recommendation can be added until a decision is final. */
export const DOSSIER_OPEN_STATES: ReadonlySet<ProposalState> = new Set([
  DRAFT,
  IN_REVIEW,
  CHANGES_REQUESTED,
]);

/** The reaction to our own post exists only once it is out; everything else builds the case. */
export function canAddEvidence(state: ProposalState, kind: EvidenceKind): boolean {
  if (kind === EvidenceKind.POST_PUBLISH_REACTION) {
    return state === PUBLISHED || state === RETRACTED;
  }
  return DOSSIER_OPEN_STATES.has(state);
}

const transition = (from: readonly ProposalState[], to: ProposalState) =>
  Object.freeze({ from: Object.freeze([...from]), to });

/**
 * The lifecycle of DESIGN.md by transition name. "approve" is the proposal's move once every
 * applicable step is satisfied, "expire" a step's deadline passing under an expiring policy.
 */
export const TRANSITIONS: Readonly<
  Record<string, { from: readonly ProposalState[]; to: ProposalState }>
> = Object.freeze({
  submit: transition([DRAFT, CHANGES_REQUESTED], IN_REVIEW),
  approve: transition([IN_REVIEW], APPROVED),
  reject: transition([IN_REVIEW], REJECTED),
  requestChanges: transition([IN_REVIEW], CHANGES_REQUESTED),
  expire: transition([IN_REVIEW], EXPIRED),
  schedule: transition([APPROVED], SCHEDULED),
  unschedule: transition([SCHEDULED], APPROVED),
  publish: transition([APPROVED, SCHEDULED], PUBLISHED),
  retract: transition([PUBLISHED], RETRACTED),
  withdraw: transition([DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SCHEDULED], WITHDRAWN),
});

/** The state a transition leads to from `state`, or undefined when the table does not allow it. */
export function transitionTarget(
  state: ProposalState,
  transition: string,
): ProposalState | undefined {
  // Own keys only: "toString" or "__proto__" are not transitions.
  if (!Object.hasOwn(TRANSITIONS, transition)) return undefined;
  const { from, to } = TRANSITIONS[transition];
  return from.includes(state) ? to : undefined;
}
