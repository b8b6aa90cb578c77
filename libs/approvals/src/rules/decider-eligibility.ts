import { Member, PolicyStep, stepAccepts } from './policy';

/** What deciding at a given moment needs to know of the step under review. */
export interface StepUnderReview {
  definition: PolicyStep;
  /** Who was asked when the step activated (or escalated): never a writer of the proposal then. */
  eligibleApproverIds: readonly string[];
  escalated: boolean;
}

/**
 * Whether a person may decide on the step now, as DESIGN.md says ("decide"): they were among the
 * step's approvers when it activated, and at this moment they are still a member of the brand
 * holding a role (or named id) that the step accepts. `member` is their membership now, null when
 * they have none. A role taken away since the step started, or a membership ended, takes away the
 * decision too; a role given since does not add anyone who was not asked.
 */
export function mayDecideNow(
  step: StepUnderReview,
  userId: string,
  member: Member | null,
): boolean {
  if (member === null || member.userId !== userId) return false;
  return (
    step.eligibleApproverIds.includes(userId) &&
    stepAccepts(step.definition, member, step.escalated)
  );
}
