import { DecisionOutcome, StepStatus } from './enums';
import { isSatisfied } from './policy';

/** Where one step of a proposal's review stands. */
export interface StepState {
  order: number;
  status: StepStatus;
  required: number;
  approvals: number;
}

/** The proposal's move a decision causes, if any. */
export type ProposalOutcome = 'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED' | null;

const { WAITING, ACTIVE, SATISFIED, BLOCKED, SKIPPED } = StepStatus;

const copy = (steps: readonly StepState[]): StepState[] => steps.map((step) => ({ ...step }));

function assertUniqueOrders(steps: readonly StepState[]): void {
  const seen = new Set<number>();
  for (const { order } of steps) {
    if (seen.has(order)) throw new RangeError(`two steps have the order ${order}`);
    seen.add(order);
  }
}

/**
 * Refuses a review that is not in the shape decisions keep it in: the current step ACTIVE (or
 * BLOCKED, until escalation brings enough approvers), every step before it SATISFIED or SKIPPED,
 * every step after it WAITING or SKIPPED. Counting on a broken shape could approve what was never
 * approved, so a caller's bug stops here instead.
 */
function assertReviewShape(steps: readonly StepState[], activeOrder: number): void {
  assertUniqueOrders(steps);
  const current = steps.find((step) => step.order === activeOrder);
  if (current === undefined) throw new RangeError(`no step has the order ${activeOrder}`);
  if (current.status !== ACTIVE && current.status !== BLOCKED) {
    throw new RangeError(`step ${activeOrder} is ${current.status}, not the step under review`);
  }
  for (const step of steps) {
    const allowed =
      step.order < activeOrder
        ? [SATISFIED, SKIPPED]
        : step.order > activeOrder
          ? [WAITING, SKIPPED]
          : null;
    if (allowed !== null && !allowed.includes(step.status)) {
      const where = step.order < activeOrder ? 'before' : 'after';
      throw new RangeError(
        `step ${step.order} is ${step.status} ${where} the step under review (${activeOrder})`,
      );
    }
  }
}

/** The first WAITING step after `order`, by order (SKIPPED steps are passed over). */
function nextWaiting(steps: readonly StepState[], order: number): StepState | undefined {
  let next: StepState | undefined;
  for (const step of steps) {
    if (step.status !== WAITING || step.order <= order) continue;
    if (next === undefined || step.order < next.order) next = step;
  }
  return next;
}

/**
 * How one decision on the step under review moves the steps. An approval counts; once the step
 * has what it requires it is SATISFIED and the next WAITING step becomes ACTIVE (the caller then
 * works out its approvers, and may find it BLOCKED), or, with no step left, the proposal is
 * APPROVED. One rejection rejects and one request for changes sends the proposal back, leaving the
 * steps as they are. Pure: the steps passed in are not changed.
 */
export function afterDecision(
  steps: readonly StepState[],
  activeOrder: number,
  outcome: DecisionOutcome,
): { steps: StepState[]; outcome: ProposalOutcome; activated: number | null } {
  assertReviewShape(steps, activeOrder);
  const next = copy(steps);
  switch (outcome) {
    case DecisionOutcome.REJECT:
      return { steps: next, outcome: 'REJECTED', activated: null };
    case DecisionOutcome.REQUEST_CHANGES:
      return { steps: next, outcome: 'CHANGES_REQUESTED', activated: null };
    case DecisionOutcome.APPROVE:
      break;
    default:
      throw new RangeError(`unknown decision outcome: ${String(outcome)}`);
  }

  const current = next.find((step) => step.order === activeOrder)!;
  current.approvals += 1;
  return advanceIfSatisfied(next, current);
}

/**
 * The steps once the step under review has been counted again because who may decide on it
 * changed (a member left it, so an ALL step requires fewer): if its approvals now satisfy it, it is
 * SATISFIED and the review moves on exactly as after the approval that would have satisfied it;
 * otherwise nothing moves. Pure: the steps passed in are not changed.
 */
export function afterRecount(
  steps: readonly StepState[],
  activeOrder: number,
): { steps: StepState[]; outcome: ProposalOutcome; activated: number | null } {
  assertReviewShape(steps, activeOrder);
  const next = copy(steps);
  return advanceIfSatisfied(
    next,
    next.find((step) => step.order === activeOrder)!,
  );
}

/** Marks `current` (one of `steps`) SATISFIED when it is, and activates what follows it. */
function advanceIfSatisfied(
  steps: StepState[],
  current: StepState,
): { steps: StepState[]; outcome: ProposalOutcome; activated: number | null } {
  if (!isSatisfied(current.approvals, current.required)) {
    return { steps, outcome: null, activated: null };
  }
  current.status = SATISFIED;
  const following = nextWaiting(steps, current.order);
  if (following === undefined) return { steps, outcome: 'APPROVED', activated: null };
  following.status = ACTIVE;
  return { steps, outcome: null, activated: following.order };
}

/**
 * The steps after a revision in review: every earlier approval is stale, so every step that
 * applies waits again from zero and the first of them, by order, is ACTIVE. SKIPPED steps stay
 * skipped (applicability was settled at submission). `activated` is null when every step is
 * SKIPPED. Pure: the steps passed in are not changed.
 */
export function restart(steps: readonly StepState[]): {
  steps: StepState[];
  activated: number | null;
} {
  assertUniqueOrders(steps);
  const next = copy(steps);
  let first: StepState | undefined;
  for (const step of next) {
    if (step.status === SKIPPED) continue;
    step.status = WAITING;
    step.approvals = 0;
    if (first === undefined || step.order < first.order) first = step;
  }
  if (first === undefined) return { steps: next, activated: null };
  first.status = ACTIVE;
  return { steps: next, activated: first.order };
}
