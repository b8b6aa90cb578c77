import { Quorum } from './enums';
import { isSatisfied } from './policy';

/** The step under review as the departure of one approver finds it. */
export interface StepBeforeLeaving {
  quorum: Quorum;
  requiredApprovals: number;
  eligibleApproverIds: readonly string[];
}

/** What is left of the step once an approver is taken off it. */
export interface StepAfterLeaving {
  eligible: string[];
  required: number;
  /** The approvals counted so far can no longer become enough: the admins must act. */
  unsatisfiable: boolean;
}

/**
 * Takes `leaving` off a step's approvers. Approvals already given on the current words stay
 * counted (they were valid when made), `approvedBy` lists their authors. An ALL step then requires
 * everyone still asked plus those who have approved; ANY and COUNT keep what they require. The
 * step is unsatisfiable when even every approver left approving would not be enough.
 */
export function afterApproverLeft(
  step: StepBeforeLeaving,
  leaving: string,
  approvedBy: readonly string[],
): StepAfterLeaving {
  const eligible = step.eligibleApproverIds.filter((id) => id !== leaving);
  const required =
    step.quorum === Quorum.ALL
      ? new Set([...eligible, ...approvedBy]).size
      : step.requiredApprovals;
  const stillToApprove = eligible.filter((id) => !approvedBy.includes(id)).length;
  const unsatisfiable =
    !isSatisfied(approvedBy.length, required) &&
    (required < 1 || approvedBy.length + stillToApprove < required);
  return { eligible, required, unsatisfiable };
}
