import { StepStatus } from './enums';

/** What says whether a step awaits someone's decision. */
export interface AwaitingStep {
  round: number;
  status: StepStatus | string;
  eligibleApproverIds: readonly string[];
}

/**
 * Whether a step a request was sent for (an approval email's link, a Slack message) still awaits
 * `approverId`'s decision: it is the active (or blocked) step of the proposal's current review
 * round, and it asks them.
 */
export function stepAwaits(
  step: AwaitingStep | null,
  reviewRound: number,
  approverId: string,
): boolean {
  return (
    !!step &&
    step.round === reviewRound &&
    (step.status === StepStatus.ACTIVE || step.status === StepStatus.BLOCKED) &&
    step.eligibleApproverIds.includes(approverId)
  );
}
