import fc from 'fast-check';
import { mayDecideNow, StepUnderReview } from './decider-eligibility';
import { DECIDING_ROLES, Quorum } from './enums';
import { DEFAULT_POLICY_STEPS, eligibleApprovers, Member, PolicyStep, stepAccepts } from './policy';

const ROLES = [...DECIDING_ROLES, 'AUDITOR'];

const definition = (overrides: Partial<PolicyStep> = {}): PolicyStep => ({
  ...DEFAULT_POLICY_STEPS[0],
  ...overrides,
});
const underReview = (
  overrides: Partial<PolicyStep> = {},
  eligibleApproverIds = ['u-ana', 'u-ben'],
  escalated = false,
): StepUnderReview => ({ definition: definition(overrides), eligibleApproverIds, escalated });
const member = (userId: string, ...roles: string[]): Member => ({ userId, roles });

describe('mayDecideNow', () => {
  it('lets an approver asked by role decide while they hold the role', () => {
    expect(mayDecideNow(underReview(), 'u-ana', member('u-ana', 'APPROVER'))).toBe(true);
    expect(mayDecideNow(underReview(), 'u-ana', member('u-ana', 'APPROVER', 'AUDITOR'))).toBe(true);
  });

  it.each([['AUDITOR'], ['CONTRIBUTOR'], ['REVIEWER', 'SOCIAL_MANAGER'], []])(
    'refuses an approver re-added with the roles %p: eligibility follows the membership',
    (...roles) => {
      expect(mayDecideNow(underReview(), 'u-ana', member('u-ana', ...roles))).toBe(false);
    },
  );

  it('refuses someone who is no longer a member', () => {
    expect(mayDecideNow(underReview(), 'u-ana', null)).toBe(false);
  });

  it('refuses a membership of someone else', () => {
    expect(mayDecideNow(underReview(), 'u-ana', member('u-ben', 'APPROVER'))).toBe(false);
  });

  it('refuses a member given the role after the step started: they were not asked', () => {
    expect(mayDecideNow(underReview(), 'u-cal', member('u-cal', 'APPROVER'))).toBe(false);
  });

  it('keeps a member named by id while they hold any deciding role, and only then', () => {
    const step = underReview({ role: null, approverIds: ['u-lee'] }, ['u-lee']);
    expect(mayDecideNow(step, 'u-lee', member('u-lee', 'REVIEWER'))).toBe(true);
    expect(mayDecideNow(step, 'u-lee', member('u-lee', 'CONTRIBUTOR'))).toBe(true);
    expect(mayDecideNow(step, 'u-lee', member('u-lee', 'AUDITOR'))).toBe(false);
  });

  it('lets a deputy decide only once the step has escalated to them', () => {
    const escalated = underReview({ escalateToIds: ['u-dep'] }, ['u-ana', 'u-dep'], true);
    expect(mayDecideNow(escalated, 'u-dep', member('u-dep', 'ADMIN'))).toBe(true);
    const notYet = { ...escalated, escalated: false };
    expect(mayDecideNow(notYet, 'u-dep', member('u-dep', 'ADMIN'))).toBe(false);
  });

  const idArb = fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5');
  const stepArb: fc.Arbitrary<PolicyStep> = fc.record({
    name: fc.constant('Step'),
    role: fc.constantFrom(null, ...ROLES),
    approverIds: fc.subarray(['u1', 'u2', 'u3', 'u4', 'u5']),
    quorum: fc.constantFrom(...Object.values(Quorum)),
    minApprovals: fc.integer({ min: 1, max: 3 }),
    appliesWhen: fc.constant(null),
    slaHours: fc.constant(null),
    escalateToIds: fc.subarray(['u1', 'u2', 'u3', 'u4', 'u5']),
    expireOnTimeout: fc.boolean(),
  });
  const membersArb = fc.uniqueArray(fc.record({ userId: idArb, roles: fc.subarray(ROLES) }), {
    selector: (m) => m.userId,
  });

  it('is, for any step, person and membership: asked, and still accepted by the step', () => {
    fc.assert(
      fc.property(
        stepArb,
        fc.subarray(['u1', 'u2', 'u3', 'u4', 'u5']),
        fc.boolean(),
        idArb,
        fc.option(fc.subarray(ROLES), { nil: null }),
        (def, asked, escalated, userId, roles) => {
          const now = roles === null ? null : member(userId, ...roles);
          const step = { definition: def, eligibleApproverIds: asked, escalated };
          const expected =
            now !== null && asked.includes(userId) && stepAccepts(def, now, escalated);
          expect(mayDecideNow(step, userId, now)).toBe(expected);
        },
      ),
    );
  });

  it('agrees with activation: whoever was asked may decide while their membership is unchanged', () => {
    fc.assert(
      fc.property(stepArb, membersArb, fc.boolean(), idArb, (def, members, escalated, author) => {
        const asked = eligibleApprovers(def, members, [author], escalated);
        const step = { definition: def, eligibleApproverIds: asked, escalated };
        for (const m of members) {
          expect(mayDecideNow(step, m.userId, m)).toBe(asked.includes(m.userId));
        }
      }),
    );
  });
});
