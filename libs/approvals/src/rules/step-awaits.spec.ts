import { StepStatus } from './enums';
import { stepAwaits } from './step-awaits';

const step = { round: 2, status: StepStatus.ACTIVE, eligibleApproverIds: ['usr_a'] };

describe('stepAwaits', () => {
  it('is true for the active or blocked step of the current round that asks the approver', () => {
    expect(stepAwaits(step, 2, 'usr_a')).toBe(true);
    expect(stepAwaits({ ...step, status: StepStatus.BLOCKED }, 2, 'usr_a')).toBe(true);
  });

  it('is false for no step, another round, a step not asking them, or one that is over', () => {
    expect(stepAwaits(null, 2, 'usr_a')).toBe(false);
    expect(stepAwaits(step, 3, 'usr_a')).toBe(false);
    expect(stepAwaits(step, 2, 'usr_b')).toBe(false);
    for (const status of [
      StepStatus.WAITING,
      StepStatus.SATISFIED,
      StepStatus.SKIPPED,
      StepStatus.EXPIRED,
    ]) {
      expect(stepAwaits({ ...step, status }, 2, 'usr_a')).toBe(false);
    }
  });
});
