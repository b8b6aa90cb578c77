import { RiskCategory, StanceType, Urgency } from '@standpoint/proposals/rules';
import { DECIDING_ROLES, Quorum, StepStatus } from './enums';

/** When a step applies; each criterion left null or empty does not restrict. */
export interface StepCondition {
  urgencies?: Urgency[] | null;
  stanceTypes?: StanceType[] | null;
  minRiskScore?: number | null;
  riskCategories?: RiskCategory[] | null;
}

/** One step of an approval policy, as stored in a policy version. */
export interface PolicyStep {
  name: string;
  role: string | null;
  approverIds: string[];
  quorum: Quorum;
  minApprovals: number;
  appliesWhen: StepCondition | null;
  slaHours: number | null;
  escalateToIds: string[];
  expireOnTimeout: boolean;
}

/** What applicability needs to know of a proposal at submission. */
export interface ProposalFacts {
  urgency: Urgency;
  stanceType: StanceType;
  /** The highest score among OPEN risk notes; 0 when none is open. */
  riskScore: number;
  /** The categories of OPEN risk notes. */
  openRiskCategories: RiskCategory[];
}

/** A member of the brand and the roles they hold there. */
export interface Member {
  userId: string;
  roles: readonly string[];
}

/** One thing wrong with a policy, named by its path in the GraphQL input. */
export interface PolicyProblem {
  field: string;
  rule: string;
  message: string;
}

/** The longest deadline a step may have: one year. */
export const MAX_SLA_HOURS = 8760;

const HOUR_MS = 3_600_000;

const given = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  Array.isArray(list) && list.length > 0;
const isPresent = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined;
const isBlank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === '';
const isIntegerIn = (n: unknown, min: number, max: number): boolean =>
  Number.isInteger(n) && (n as number) >= min && (n as number) <= max;
const isValidDate = (date: unknown): date is Date =>
  date instanceof Date && !Number.isNaN(date.getTime());

export function isDecidingRole(role: string | null | undefined): boolean {
  return isPresent(role) && DECIDING_ROLES.includes(role);
}

/** Whether a member may be named by id on a step: they hold at least one deciding role. */
export function hasDecidingRole(roles: readonly string[]): boolean {
  return roles.some(isDecidingRole);
}

/**
 * Whether a step applies to a proposal. No condition: always. Otherwise every criterion that is
 * given must hold; a condition whose criteria are all null or empty restricts nothing.
 */
export function stepApplies(step: PolicyStep, facts: ProposalFacts): boolean {
  const condition = step.appliesWhen;
  if (!isPresent(condition)) return true;
  const { urgencies, stanceTypes, minRiskScore, riskCategories } = condition;
  if (given(urgencies) && !urgencies.includes(facts.urgency)) return false;
  if (given(stanceTypes) && !stanceTypes.includes(facts.stanceType)) return false;
  if (isPresent(minRiskScore) && !(facts.riskScore >= minRiskScore)) return false;
  if (given(riskCategories) && !facts.openRiskCategories.some((c) => riskCategories.includes(c))) {
    return false;
  }
  return true;
}

/**
 * Whether a step names this member as one who may decide: they hold its role, or it names them by
 * id (or, once escalated, as a deputy) and they hold a deciding role. A named id counts only while
 * it belongs to a member with a deciding role: a policy outlives memberships, and an AUDITOR (or a
 * former member) never decides. Writing words of the proposal is judged elsewhere.
 */
export function stepAccepts(step: PolicyStep, member: Member, escalated: boolean): boolean {
  if (isDecidingRole(step.role) && member.roles.includes(step.role!)) return true;
  const named =
    (step.approverIds ?? []).includes(member.userId) ||
    (escalated && (step.escalateToIds ?? []).includes(member.userId));
  return named && hasDecidingRole(member.roles);
}

/** Who a step names, writers of the proposal or not: see stepAccepts. */
function namedDeciders(step: PolicyStep, members: readonly Member[], escalated: boolean): string[] {
  const ids = new Set(
    members.filter((member) => stepAccepts(step, member, escalated)).map((m) => m.userId),
  );
  return [...ids].sort();
}

/**
 * The members who may decide on a step: holders of its role, the members it names by id and,
 * when the step's deadline has escalated it, its deputies. Never anyone who wrote words of the
 * proposal (`writerIds`: its author and the writer of each revision): four eyes. Deduplicated and
 * sorted, so that the same policy and members always give the same list.
 */
export function eligibleApprovers(
  step: PolicyStep,
  members: readonly Member[],
  writerIds: readonly string[],
  escalated: boolean,
): string[] {
  return namedDeciders(step, members, escalated).filter((id) => !writerIds.includes(id));
}

/** How many approvals satisfy a step: ANY one, ALL of the eligible, or COUNT `minApprovals`. */
export function requiredApprovals(step: PolicyStep, eligibleCount: number): number {
  switch (step.quorum) {
    case Quorum.ANY:
      return 1;
    case Quorum.ALL:
      return eligibleCount;
    case Quorum.COUNT:
      return step.minApprovals;
    default:
      throw new RangeError(`unknown quorum: ${String(step.quorum)}`);
  }
}

/**
 * ACTIVE when the eligible approvers can satisfy the step, BLOCKED when they cannot: fewer of them
 * than required, none at all, or nothing required (a step that needs no approval would never be
 * satisfied, since isSatisfied needs at least one, so it must not wait as if it could).
 */
export function stepStatusAfterActivation(required: number, eligibleCount: number): StepStatus {
  if (eligibleCount === 0 || eligibleCount < required || !(required >= 1)) {
    return StepStatus.BLOCKED;
  }
  return StepStatus.ACTIVE;
}

/** Who may decide on a step that becomes the one under review, how many must, and its status. */
export interface StepActivation {
  eligible: string[];
  required: number;
  status: StepStatus;
}

/** A step activated (or escalated) now: eligibleApprovers, requiredApprovals and the status. */
export function stepActivation(
  step: PolicyStep,
  members: readonly Member[],
  writerIds: readonly string[],
  escalated: boolean,
): StepActivation {
  const eligible = eligibleApprovers(step, members, writerIds, escalated);
  const required = requiredApprovals(step, eligible.length);
  return { eligible, required, status: stepStatusAfterActivation(required, eligible.length) };
}

/** A step is satisfied by at least one approval, and by as many as it requires. */
export function isSatisfied(approvals: number, required: number): boolean {
  return required >= 1 && approvals >= required;
}

/**
 * When a step's deadline passes: activation + slaHours, but never after the proposal's decision
 * deadline (a step cannot outlive the decision it serves). Only a decision deadline: it. Neither:
 * null, the step waits as long as it takes.
 */
export function dueAt(
  activatedAt: Date,
  slaHours: number | null,
  decisionDeadline: Date | null,
): Date | null {
  if (!isValidDate(activatedAt)) throw new RangeError('activatedAt is not a valid date');
  if (isPresent(decisionDeadline) && !isValidDate(decisionDeadline)) {
    throw new RangeError('the decision deadline is not a valid date');
  }
  if (!isPresent(slaHours)) return isPresent(decisionDeadline) ? new Date(decisionDeadline) : null;
  if (!Number.isFinite(slaHours) || slaHours <= 0) {
    throw new RangeError(`slaHours must be a positive number of hours, not ${slaHours}`);
  }
  const sla = activatedAt.getTime() + slaHours * HOUR_MS;
  const due = isPresent(decisionDeadline) ? Math.min(sla, decisionDeadline.getTime()) : sla;
  return new Date(due);
}

/**
 * When to remind the step's approvers: at 50% and at 90% of the time from activation to the
 * deadline, rounded down to the millisecond so that neither falls after the deadline. A deadline
 * that is not after activation leaves nothing to remind ahead of: both are the deadline itself,
 * and callers skip a reminder that is not before it.
 */
export function reminderTimes(activatedAt: Date, due: Date): { half: Date; late: Date } {
  if (!isValidDate(activatedAt)) throw new RangeError('activatedAt is not a valid date');
  if (!isValidDate(due)) throw new RangeError('due is not a valid date');
  const start = activatedAt.getTime();
  const span = due.getTime() - start;
  if (span <= 0) return { half: new Date(due), late: new Date(due) };
  // Integer arithmetic: span * 9 stays far below 2^53 for any real deadline, and 0.9 is not exact.
  return {
    half: new Date(start + Math.floor(span / 2)),
    late: new Date(start + Math.floor((span * 9) / 10)),
  };
}

const ENUM_CRITERIA = [
  ['urgencies', Urgency, 'an urgency'],
  ['stanceTypes', StanceType, 'a stance type'],
  ['riskCategories', RiskCategory, 'a risk category'],
] as const;

/**
 * Everything wrong with a policy before it becomes a new version, each named by its path in the
 * input, in input order. Who may decide is checked against the brand's members now; the writers
 * of a proposal are unknown here, so a step that fits now may still block for a proposal whose
 * author or reviser is one of its few approvers.
 *
 * Allowed on purpose: `expireOnTimeout` or `escalateToIds` without `slaHours` (the proposal's
 * decision deadline still gives the step a deadline), `minApprovals` on ANY and ALL (ignored), and
 * an id named twice (counted once).
 */
export function policyProblems(
  steps: readonly PolicyStep[],
  members: readonly Member[],
  path = 'input.steps',
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (!Array.isArray(steps) || steps.length === 0) {
    problems.push({
      field: path,
      rule: 'arrayNotEmpty',
      message: 'A policy needs at least one step',
    });
    return problems;
  }

  const deciders = new Set(members.filter((m) => hasDecidingRole(m.roles)).map((m) => m.userId));
  const firstWithName = new Map<string, number>();

  steps.forEach((step, i) => {
    const at = `${path}[${i}]`;
    const problem = (field: string, rule: string, message: string): void => {
      problems.push({ field: `${at}.${field}`, rule, message });
    };
    const label = isBlank(step.name) ? `Step ${i + 1}` : `Step "${step.name.trim()}"`;

    if (isBlank(step.name)) {
      problem('name', 'isNotEmpty', `The name of step ${i + 1} is empty`);
    } else {
      // Names identify steps to people (a decision names its step): "Legal" and " legal" are one.
      const key = step.name.trim().toLowerCase();
      const first = firstWithName.get(key);
      if (first === undefined) {
        firstWithName.set(key, i);
      } else {
        problem('name', 'unique', `${label} has the same name as step ${first + 1}`);
      }
    }

    const quorumKnown = Object.values(Quorum).includes(step.quorum);
    if (!quorumKnown) problem('quorum', 'isEnum', `${String(step.quorum)} is not a quorum`);

    const roleGiven = isPresent(step.role);
    const roleValid = !roleGiven || isDecidingRole(step.role);
    if (!roleValid) {
      problem(
        'role',
        'isEnum',
        `${String(step.role)} may not decide: a step names one of ${DECIDING_ROLES.join(', ')}`,
      );
    }
    const approverIds = step.approverIds ?? [];
    const escalateToIds = step.escalateToIds ?? [];
    const namesSomeone = roleGiven || approverIds.length > 0;
    if (!namesSomeone) {
      problem(
        'approverIds',
        'approver',
        `${label} names nobody who may decide: give a role or at least one approver`,
      );
    }
    const named: [string, readonly string[]][] = [
      ['approverIds', approverIds],
      ['escalateToIds', escalateToIds],
    ];
    for (const [key, ids] of named) {
      ids.forEach((id, j) => {
        if (!deciders.has(id)) {
          problem(
            `${key}[${j}]`,
            'member',
            `${JSON.stringify(id)} is not a member of the brand with a deciding role`,
          );
        }
      });
    }

    const counts = step.quorum === Quorum.COUNT;
    const minValid = Number.isInteger(step.minApprovals) && step.minApprovals >= 1;
    if (counts && !minValid) {
      problem(
        'minApprovals',
        'min',
        `${label} counts approvals: minApprovals must be a whole number of at least 1, ` +
          `not ${step.minApprovals}`,
      );
    }
    // Whether the eligible set can satisfy the step now; moot while nobody valid is named.
    if (quorumKnown && namesSomeone && roleValid) {
      const eligible = namedDeciders(step, members, false).length;
      if (counts && minValid && step.minApprovals > eligible) {
        problem(
          'minApprovals',
          'fits',
          `${label} needs ${step.minApprovals} approvals, ` +
            `but only ${eligible} members may decide on it`,
        );
      } else if (!counts && eligible === 0) {
        problem(
          roleGiven ? 'role' : 'approverIds',
          'fits',
          `${label} needs ${step.quorum === Quorum.ALL ? 'the approval of all' : 'one approval'} ` +
            'of its approvers, but no member may decide on it',
        );
      }
    }

    if (isPresent(step.slaHours) && !isIntegerIn(step.slaHours, 1, MAX_SLA_HOURS)) {
      problem(
        'slaHours',
        'range',
        `slaHours must be a whole number of hours from 1 to ${MAX_SLA_HOURS}, not ${step.slaHours}`,
      );
    }

    const condition = step.appliesWhen;
    if (isPresent(condition)) {
      if (isPresent(condition.minRiskScore) && !isIntegerIn(condition.minRiskScore, 1, 25)) {
        problem(
          'appliesWhen.minRiskScore',
          'range',
          `minRiskScore must be a whole number from 1 to 25, not ${condition.minRiskScore}`,
        );
      }
      for (const [key, values, what] of ENUM_CRITERIA) {
        const list: readonly unknown[] = condition[key] ?? [];
        list.forEach((value, j) => {
          if (!(Object.values(values) as unknown[]).includes(value)) {
            problem(`appliesWhen.${key}[${j}]`, 'isEnum', `${String(value)} is not ${what}`);
          }
        });
      }
    }
  });
  return problems;
}

// Frozen, so that no caller can add an approver to every new brand's default by accident; typed
// as the step's mutable list because a stored step has one.
const noIds = (): string[] => Object.freeze([]) as unknown as string[];

/** The policy of a new brand: one step that any approver of the brand satisfies. */
export const DEFAULT_POLICY_STEPS: readonly PolicyStep[] = Object.freeze([
  Object.freeze({
    name: 'Approval',
    role: 'APPROVER',
    approverIds: noIds(),
    quorum: Quorum.ANY,
    minApprovals: 1,
    appliesWhen: null,
    slaHours: null,
    escalateToIds: noIds(),
    expireOnTimeout: false,
  }),
]);
