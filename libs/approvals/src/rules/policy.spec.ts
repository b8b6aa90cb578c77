import fc from 'fast-check';
import { RiskCategory, StanceType, Urgency } from '@standpoint/proposals/rules';
import { DECIDING_ROLES, Quorum, StepStatus } from './enums';
import {
  DEFAULT_POLICY_STEPS,
  dueAt,
  eligibleApprovers,
  hasDecidingRole,
  isDecidingRole,
  isSatisfied,
  MAX_SLA_HOURS,
  Member,
  PolicyStep,
  policyProblems,
  ProposalFacts,
  reminderTimes,
  requiredApprovals,
  StepCondition,
  stepAccepts,
  stepActivation,
  stepApplies,
  stepStatusAfterActivation,
} from './policy';

const { ANY, ALL, COUNT } = Quorum;
const URGENCIES = Object.values(Urgency);
const STANCES = Object.values(StanceType);
const CATEGORIES = Object.values(RiskCategory);
const ROLES = [...DECIDING_ROLES, 'AUDITOR'];
const HOUR = 3_600_000;

const step = (overrides: Partial<PolicyStep> = {}): PolicyStep => ({
  name: 'Leadership',
  role: 'APPROVER',
  approverIds: [],
  quorum: ANY,
  minApprovals: 1,
  appliesWhen: null,
  slaHours: null,
  escalateToIds: [],
  expireOnTimeout: false,
  ...overrides,
});

const facts = (overrides: Partial<ProposalFacts> = {}): ProposalFacts => ({
  urgency: Urgency.ROUTINE,
  stanceType: StanceType.STATEMENT,
  riskScore: 0,
  openRiskCategories: [],
  ...overrides,
});

// A small brand: three approvers (one also a reviewer), a lawyer (REVIEWER), a contributor, an
// admin, an auditor, and the social manager who writes the proposals.
const BRAND: Member[] = [
  { userId: 'u-ana', roles: ['APPROVER'] },
  { userId: 'u-ben', roles: ['APPROVER'] },
  { userId: 'u-cal', roles: ['APPROVER', 'REVIEWER'] },
  { userId: 'u-lee', roles: ['REVIEWER'] },
  { userId: 'u-con', roles: ['CONTRIBUTOR'] },
  { userId: 'u-adm', roles: ['ADMIN'] },
  { userId: 'u-aud', roles: ['AUDITOR'] },
  { userId: 'u-sam', roles: ['SOCIAL_MANAGER'] },
];

const fieldsAndRules = (steps: PolicyStep[], members: Member[] = BRAND, path?: string) =>
  policyProblems(steps, members, path).map(({ field, rule }) => `${field} ${rule}`);

// ---------------------------------------------------------------- arbitraries

const subsetArb = <T>(values: readonly T[]) => fc.subarray([...values]);
const criterionArb = <T>(values: readonly T[]) =>
  fc.oneof(fc.constant(null), fc.constant(undefined), subsetArb(values));
const conditionArb: fc.Arbitrary<StepCondition> = fc.record(
  {
    urgencies: criterionArb(URGENCIES),
    stanceTypes: criterionArb(STANCES),
    minRiskScore: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 25 })),
    riskCategories: criterionArb(CATEGORIES),
  },
  { requiredKeys: [] },
);
const factsArb: fc.Arbitrary<ProposalFacts> = fc.record({
  urgency: fc.constantFrom(...URGENCIES),
  stanceType: fc.constantFrom(...STANCES),
  riskScore: fc.integer({ min: 0, max: 25 }),
  openRiskCategories: subsetArb(CATEGORIES),
});

const idArb = fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8');
/** The author, and maybe revisers: everyone who wrote words of a proposal. */
const writersArb: fc.Arbitrary<string[]> = fc.uniqueArray(idArb, { minLength: 1, maxLength: 3 });
const membersArb: fc.Arbitrary<Member[]> = fc.uniqueArray(
  fc.record({ userId: idArb, roles: subsetArb(ROLES) }),
  { selector: (m) => m.userId, maxLength: 8 },
);
const stepArb: fc.Arbitrary<PolicyStep> = fc.record({
  name: fc.constantFrom('Comms', 'Legal', 'Leadership'),
  role: fc.constantFrom(null, ...ROLES),
  approverIds: fc.array(fc.oneof(idArb, fc.constant('stranger')), { maxLength: 4 }),
  quorum: fc.constantFrom(ANY, ALL, COUNT),
  minApprovals: fc.integer({ min: 1, max: 5 }),
  appliesWhen: fc.constant(null),
  slaHours: fc.constant(null),
  escalateToIds: fc.array(fc.oneof(idArb, fc.constant('stranger')), { maxLength: 3 }),
  expireOnTimeout: fc.boolean(),
});

// ---------------------------------------------------------------- applicability

describe('stepApplies', () => {
  it('applies a step without a condition to every proposal', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        expect(stepApplies(step({ appliesWhen: null }), f)).toBe(true);
      }),
    );
  });

  it('treats null and empty criteria as no restriction', () => {
    const open: StepCondition[] = [
      {},
      { urgencies: null, stanceTypes: null, minRiskScore: null, riskCategories: null },
      { urgencies: [], stanceTypes: [], riskCategories: [] },
      { urgencies: undefined },
    ];
    for (const appliesWhen of open) {
      expect(stepApplies(step({ appliesWhen }), facts())).toBe(true);
    }
  });

  it('applies by urgency', () => {
    const crisisOnly = step({ appliesWhen: { urgencies: [Urgency.CRISIS] } });
    expect(stepApplies(crisisOnly, facts({ urgency: Urgency.CRISIS }))).toBe(true);
    expect(stepApplies(crisisOnly, facts({ urgency: Urgency.ELEVATED }))).toBe(false);
    expect(stepApplies(crisisOnly, facts({ urgency: Urgency.ROUTINE }))).toBe(false);
  });

  it('applies by stance type', () => {
    const money = step({
      appliesWhen: { stanceTypes: [StanceType.DONATION, StanceType.ACTION_ANNOUNCEMENT] },
    });
    expect(stepApplies(money, facts({ stanceType: StanceType.DONATION }))).toBe(true);
    expect(stepApplies(money, facts({ stanceType: StanceType.ACTION_ANNOUNCEMENT }))).toBe(true);
    expect(stepApplies(money, facts({ stanceType: StanceType.NO_PUBLIC_STATEMENT }))).toBe(false);
  });

  it('applies from the minimum risk score on, inclusive', () => {
    const risky = step({ appliesWhen: { minRiskScore: 10 } });
    expect([0, 9, 10, 25].map((riskScore) => stepApplies(risky, facts({ riskScore })))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('applies the legal step only when a legal risk is open', () => {
    const legal = step({ appliesWhen: { riskCategories: [RiskCategory.LEGAL_REGULATORY] } });
    expect(stepApplies(legal, facts())).toBe(false);
    expect(stepApplies(legal, facts({ openRiskCategories: [RiskCategory.BACKLASH] }))).toBe(false);
    expect(
      stepApplies(
        legal,
        facts({ openRiskCategories: [RiskCategory.BACKLASH, RiskCategory.LEGAL_REGULATORY] }),
      ),
    ).toBe(true);
  });

  it('needs every given criterion, not just one', () => {
    const crisisAndRisky = step({ appliesWhen: { urgencies: [Urgency.CRISIS], minRiskScore: 15 } });
    expect(stepApplies(crisisAndRisky, facts({ urgency: Urgency.CRISIS, riskScore: 15 }))).toBe(
      true,
    );
    expect(stepApplies(crisisAndRisky, facts({ urgency: Urgency.CRISIS, riskScore: 12 }))).toBe(
      false,
    );
    expect(stepApplies(crisisAndRisky, facts({ urgency: Urgency.ROUTINE, riskScore: 25 }))).toBe(
      false,
    );
  });

  it('agrees with the criteria read one by one, for any condition and proposal', () => {
    fc.assert(
      fc.property(conditionArb, factsArb, (condition, f) => {
        const checks: boolean[] = [];
        if (condition.urgencies?.length) checks.push(condition.urgencies.includes(f.urgency));
        if (condition.stanceTypes?.length)
          checks.push(condition.stanceTypes.includes(f.stanceType));
        if (condition.minRiskScore != null) checks.push(f.riskScore >= condition.minRiskScore);
        if (condition.riskCategories?.length) {
          checks.push(condition.riskCategories.some((c) => f.openRiskCategories.includes(c)));
        }
        expect(stepApplies(step({ appliesWhen: condition }), f)).toBe(checks.every(Boolean));
      }),
    );
  });

  it('never applies more widely when a criterion is added or narrowed', () => {
    const LISTS = { urgencies: URGENCIES, stanceTypes: STANCES, riskCategories: CATEGORIES };
    fc.assert(
      fc.property(
        conditionArb,
        factsArb,
        fc.constantFrom('urgencies', 'stanceTypes', 'minRiskScore', 'riskCategories'),
        fc.integer({ min: 1, max: 25 }),
        fc.infiniteStream(fc.boolean()),
        (condition, f, key, n, keep) => {
          let narrower: StepCondition;
          if (key === 'minRiskScore') {
            narrower = { ...condition, minRiskScore: Math.max(n, condition.minRiskScore ?? 0) };
          } else {
            const current: readonly string[] = condition[key]?.length ? condition[key] : LISTS[key];
            const kept = current.filter(() => keep.next().value);
            // An empty list restricts nothing, so it would widen: not a narrowing.
            fc.pre(kept.length > 0);
            narrower = { ...condition, [key]: kept };
          }
          if (stepApplies(step({ appliesWhen: narrower }), f)) {
            expect(stepApplies(step({ appliesWhen: condition }), f)).toBe(true);
          }
        },
      ),
    );
  });

  it('does not change the step or the facts', () => {
    const s = step({ appliesWhen: { urgencies: [Urgency.CRISIS], riskCategories: [] } });
    const f = facts({ openRiskCategories: [RiskCategory.SAFETY] });
    const before = JSON.stringify([s, f]);
    stepApplies(s, f);
    expect(JSON.stringify([s, f])).toBe(before);
  });
});

// ---------------------------------------------------------------- who decides

describe('isDecidingRole and hasDecidingRole', () => {
  it.each(DECIDING_ROLES)('%s decides', (role) => {
    expect(isDecidingRole(role)).toBe(true);
    expect(hasDecidingRole(['AUDITOR', role])).toBe(true);
  });

  it.each(['AUDITOR', 'approver', '', 'PLATFORM_ADMIN', null, undefined])(
    '%p does not decide',
    (role) => {
      expect(isDecidingRole(role)).toBe(false);
    },
  );

  it('needs at least one deciding role', () => {
    expect(hasDecidingRole([])).toBe(false);
    expect(hasDecidingRole(['AUDITOR'])).toBe(false);
  });
});

describe('eligibleApprovers', () => {
  it('lists the holders of the role, sorted', () => {
    expect(eligibleApprovers(step({ role: 'APPROVER' }), BRAND, ['u-sam'], false)).toEqual([
      'u-ana',
      'u-ben',
      'u-cal',
    ]);
    expect(eligibleApprovers(step({ role: 'REVIEWER' }), BRAND, ['u-sam'], false)).toEqual([
      'u-cal',
      'u-lee',
    ]);
  });

  it('adds the members named by id, once each', () => {
    const s = step({ role: 'REVIEWER', approverIds: ['u-adm', 'u-lee', 'u-adm'] });
    expect(eligibleApprovers(s, BRAND, ['u-sam'], false)).toEqual(['u-adm', 'u-cal', 'u-lee']);
  });

  it('takes named ids alone when the step names no role', () => {
    const s = step({ role: null, approverIds: ['u-lee', 'u-ana'] });
    expect(eligibleApprovers(s, BRAND, ['u-sam'], false)).toEqual(['u-ana', 'u-lee']);
  });

  it('drops a named id that is no longer a member', () => {
    const s = step({ role: null, approverIds: ['u-gone', 'u-ana'] });
    expect(eligibleApprovers(s, BRAND, ['u-sam'], false)).toEqual(['u-ana']);
  });

  it('drops a named member who no longer holds a deciding role', () => {
    const s = step({ role: null, approverIds: ['u-aud', 'u-ana'] });
    expect(eligibleApprovers(s, BRAND, ['u-sam'], false)).toEqual(['u-ana']);
  });

  it('never lets a step name AUDITOR as its role', () => {
    expect(eligibleApprovers(step({ role: 'AUDITOR' }), BRAND, ['u-sam'], false)).toEqual([]);
  });

  it('adds the deputies only once the step has escalated', () => {
    const s = step({ role: null, approverIds: ['u-ana'], escalateToIds: ['u-adm', 'u-gone'] });
    expect(eligibleApprovers(s, BRAND, ['u-sam'], false)).toEqual(['u-ana']);
    expect(eligibleApprovers(s, BRAND, ['u-sam'], true)).toEqual(['u-adm', 'u-ana']);
  });

  it('never includes the author, however they are named', () => {
    const s = step({ role: 'APPROVER', approverIds: ['u-ana'], escalateToIds: ['u-ana'] });
    expect(eligibleApprovers(s, BRAND, ['u-ana'], true)).toEqual(['u-ben', 'u-cal']);
  });

  it('never includes anyone who wrote a revision: four eyes', () => {
    const s = step({ role: 'APPROVER', approverIds: ['u-lee'], escalateToIds: ['u-adm'] });
    expect(eligibleApprovers(s, BRAND, ['u-sam', 'u-cal', 'u-lee', 'u-adm'], true)).toEqual([
      'u-ana',
      'u-ben',
    ]);
  });

  it('is empty in a brand without members', () => {
    expect(eligibleApprovers(step({ approverIds: ['u-ana'] }), [], ['u-sam'], true)).toEqual([]);
  });

  it('is a sorted, duplicate-free list of deciding members, never a writer', () => {
    fc.assert(
      fc.property(
        stepArb,
        membersArb,
        writersArb,
        fc.boolean(),
        (s, members, writers, escalated) => {
          const ids = eligibleApprovers(s, members, writers, escalated);
          expect(ids).toEqual([...new Set(ids)].sort());
          for (const writer of writers) expect(ids).not.toContain(writer);
          for (const id of ids) {
            const member = members.find((m) => m.userId === id);
            expect(member).toBeDefined();
            expect(member!.roles.some((r) => DECIDING_ROLES.includes(r))).toBe(true);
          }
        },
      ),
    );
  });

  it('is, for any step and members, exactly who the step names', () => {
    fc.assert(
      fc.property(
        stepArb,
        membersArb,
        writersArb,
        fc.boolean(),
        (s, members, writers, escalated) => {
          const expected = members
            .filter((m) => !writers.includes(m.userId))
            .filter((m) => m.roles.some((r) => r !== 'AUDITOR'))
            .filter(
              (m) =>
                (s.role !== null && s.role !== 'AUDITOR' && m.roles.includes(s.role)) ||
                s.approverIds.includes(m.userId) ||
                (escalated && s.escalateToIds.includes(m.userId)),
            )
            .map((m) => m.userId)
            .sort();
          expect(eligibleApprovers(s, members, writers, escalated)).toEqual(expected);
          for (const m of members) {
            const accepted = stepAccepts(s, m, escalated);
            expect(accepted && !writers.includes(m.userId)).toBe(expected.includes(m.userId));
          }
        },
      ),
    );
  });

  it('only grows with escalation, and does not depend on the order of the members', () => {
    fc.assert(
      fc.property(
        stepArb,
        membersArb.chain((m) =>
          fc.tuple(fc.constant(m), fc.shuffledSubarray(m, { minLength: m.length })),
        ),
        writersArb,
        (s, [members, shuffled], writers) => {
          const plain = eligibleApprovers(s, members, writers, false);
          const escalated = eligibleApprovers(s, members, writers, true);
          for (const id of plain) expect(escalated).toContain(id);
          expect(eligibleApprovers(s, shuffled, writers, true)).toEqual(escalated);
        },
      ),
    );
  });
});

// ---------------------------------------------------------------- quorum

describe('requiredApprovals', () => {
  it.each([
    [ANY, 5, 3, 1],
    [ANY, 5, 0, 1],
    [ALL, 5, 3, 3],
    [ALL, 1, 0, 0],
    [COUNT, 2, 3, 2],
    [COUNT, 4, 3, 4],
    [COUNT, 2, 0, 2],
  ])('%s with minApprovals %i and %i eligible needs %i', (quorum, min, eligible, required) => {
    expect(requiredApprovals(step({ quorum, minApprovals: min }), eligible)).toBe(required);
  });

  it('refuses an unknown quorum', () => {
    expect(() => requiredApprovals(step({ quorum: 'MOST' as Quorum }), 3)).toThrow(
      'unknown quorum: MOST',
    );
  });
});

describe('stepStatusAfterActivation', () => {
  it.each([
    [1, 1, StepStatus.ACTIVE],
    [1, 3, StepStatus.ACTIVE],
    [3, 3, StepStatus.ACTIVE],
    [2, 3, StepStatus.ACTIVE],
    [4, 3, StepStatus.BLOCKED],
    [1, 0, StepStatus.BLOCKED],
    [0, 0, StepStatus.BLOCKED],
    [0, 3, StepStatus.BLOCKED],
  ])('needing %i of %i eligible: %s', (required, eligible, status) => {
    expect(stepStatusAfterActivation(required, eligible)).toBe(status);
  });

  it('is ACTIVE exactly when the eligible approvers can satisfy the step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (r, e) => {
        const active = stepStatusAfterActivation(r, e) === StepStatus.ACTIVE;
        expect(active).toBe(isSatisfied(e, r));
      }),
    );
  });

  it('activates every quorum that its eligible set fits, and only those', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(ANY, ALL, COUNT),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (quorum, min, eligible) => {
          const required = requiredApprovals(step({ quorum, minApprovals: min }), eligible);
          const fits = eligible > 0 && (quorum !== COUNT || min <= eligible);
          expect(stepStatusAfterActivation(required, eligible)).toBe(
            fits ? StepStatus.ACTIVE : StepStatus.BLOCKED,
          );
        },
      ),
    );
  });
});

describe('stepActivation', () => {
  it('leaves the writers out of who is asked and of what ALL requires', () => {
    const s = step({ role: 'APPROVER', quorum: ALL });
    expect(stepActivation(s, BRAND, ['u-sam', 'u-cal'], false)).toEqual({
      eligible: ['u-ana', 'u-ben'],
      required: 2,
      status: StepStatus.ACTIVE,
    });
  });

  it('blocks a step whose only approvers wrote words of the proposal', () => {
    const s = step({ role: null, approverIds: ['u-ana'] });
    expect(stepActivation(s, BRAND, ['u-sam', 'u-ana'], false)).toEqual({
      eligible: [],
      required: 1,
      status: StepStatus.BLOCKED,
    });
  });

  it('is eligibleApprovers, requiredApprovals and stepStatusAfterActivation together', () => {
    fc.assert(
      fc.property(
        stepArb,
        membersArb,
        writersArb,
        fc.boolean(),
        (s, members, writers, escalated) => {
          const eligible = eligibleApprovers(s, members, writers, escalated);
          const required = requiredApprovals(s, eligible.length);
          expect(stepActivation(s, members, writers, escalated)).toEqual({
            eligible,
            required,
            status: stepStatusAfterActivation(required, eligible.length),
          });
        },
      ),
    );
  });
});

describe('isSatisfied', () => {
  it.each([
    [0, 1, false],
    [1, 1, true],
    [2, 1, true],
    [1, 2, false],
    [2, 2, true],
    [0, 0, false],
    [3, 0, false],
  ])('%i approvals of %i required: %p', (approvals, required, satisfied) => {
    expect(isSatisfied(approvals, required)).toBe(satisfied);
  });

  it('needs at least one approval and as many as required', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.integer({ min: -2, max: 50 }), (approvals, required) => {
        expect(isSatisfied(approvals, required)).toBe(required >= 1 && approvals >= required);
      }),
    );
  });

  it('stays satisfied as approvals grow', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.nat(5), (approvals, required, more) => {
        if (isSatisfied(approvals, required)) {
          expect(isSatisfied(approvals + more, required)).toBe(true);
        }
      }),
    );
  });
});

// ---------------------------------------------------------------- deadlines

describe('dueAt', () => {
  const activated = new Date('2025-06-10T08:00:00.000Z');

  it('is activation + slaHours without a decision deadline', () => {
    expect(dueAt(activated, 24, null)).toEqual(new Date('2025-06-11T08:00:00.000Z'));
    expect(dueAt(activated, 1, null)).toEqual(new Date('2025-06-10T09:00:00.000Z'));
  });

  it('is capped by an earlier decision deadline', () => {
    const deadline = new Date('2025-06-10T20:00:00.000Z');
    expect(dueAt(activated, 24, deadline)).toEqual(deadline);
  });

  it('keeps the step deadline when the decision deadline is later', () => {
    const deadline = new Date('2025-06-20T00:00:00.000Z');
    expect(dueAt(activated, 24, deadline)).toEqual(new Date('2025-06-11T08:00:00.000Z'));
  });

  it('is the decision deadline when the step has no slaHours', () => {
    const deadline = new Date('2025-06-12T00:00:00.000Z');
    expect(dueAt(activated, null, deadline)).toEqual(deadline);
  });

  it('is null when neither exists: the step waits as long as it takes', () => {
    expect(dueAt(activated, null, null)).toBeNull();
  });

  it('keeps a decision deadline that has already passed (the worker acts at once)', () => {
    const passed = new Date('2025-06-09T00:00:00.000Z');
    expect(dueAt(activated, 8, passed)).toEqual(passed);
  });

  it('returns a new Date, never the caller’s', () => {
    const deadline = new Date('2025-06-12T00:00:00.000Z');
    const due = dueAt(activated, null, deadline)!;
    due.setTime(0);
    expect(deadline.toISOString()).toBe('2025-06-12T00:00:00.000Z');
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses slaHours %p', (sla) => {
    expect(() => dueAt(activated, sla, null)).toThrow(RangeError);
  });

  it('refuses an invalid date', () => {
    expect(() => dueAt(new Date('nope'), 1, null)).toThrow(RangeError);
    expect(() => dueAt(activated, 1, new Date('nope'))).toThrow(RangeError);
  });

  it('is the earlier of the two, for any times', () => {
    const timeArb = fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 });
    fc.assert(
      fc.property(
        timeArb,
        fc.option(fc.integer({ min: 1, max: MAX_SLA_HOURS }), { nil: null }),
        fc.option(timeArb, { nil: null }),
        (start, sla, deadline) => {
          const due = dueAt(new Date(start), sla, deadline === null ? null : new Date(deadline));
          const candidates = [
            ...(sla === null ? [] : [start + sla * HOUR]),
            ...(deadline === null ? [] : [deadline]),
          ];
          expect(due?.getTime() ?? null).toBe(candidates.length ? Math.min(...candidates) : null);
        },
      ),
    );
  });
});

describe('reminderTimes', () => {
  const activated = new Date('2025-06-10T08:00:00.000Z');

  it('reminds at half and at 90% of the time', () => {
    expect(reminderTimes(activated, new Date('2025-06-11T04:00:00.000Z'))).toEqual({
      half: new Date('2025-06-10T18:00:00.000Z'),
      late: new Date('2025-06-11T02:00:00.000Z'),
    });
  });

  it('rounds down to the millisecond, never past the deadline', () => {
    const due = new Date(activated.getTime() + 7);
    const { half, late } = reminderTimes(activated, due);
    expect(half.getTime() - activated.getTime()).toBe(3);
    expect(late.getTime() - activated.getTime()).toBe(6);
  });

  it('has nothing to remind ahead of when the deadline is not after activation', () => {
    const passed = new Date('2025-06-10T07:00:00.000Z');
    expect(reminderTimes(activated, passed)).toEqual({ half: passed, late: passed });
    expect(reminderTimes(activated, activated)).toEqual({ half: activated, late: activated });
  });

  it('refuses an invalid date', () => {
    expect(() => reminderTimes(new Date('nope'), activated)).toThrow(RangeError);
    expect(() => reminderTimes(activated, new Date('nope'))).toThrow(RangeError);
  });

  it('falls in order between activation and the deadline, at the right shares', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
        fc.integer({ min: 1, max: MAX_SLA_HOURS * HOUR }),
        (start, span) => {
          const { half, late } = reminderTimes(new Date(start), new Date(start + span));
          const [h, l] = [half.getTime() - start, late.getTime() - start];
          expect(0 <= h && h <= l && l < span).toBe(true);
          expect(Math.abs(h - span * 0.5)).toBeLessThan(1);
          expect(Math.abs(l - span * 0.9)).toBeLessThan(1);
        },
      ),
    );
  });

  it('agrees with dueAt: reminders come before the step is due', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SLA_HOURS }), (sla) => {
        const due = dueAt(activated, sla, null)!;
        const { half, late } = reminderTimes(activated, due);
        expect(activated < half && half < late && late < due).toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------- the policy as a whole

describe('policyProblems', () => {
  it('accepts a valid three-step policy', () => {
    const steps = [
      step({ name: 'Communications', role: 'REVIEWER', slaHours: 4 }),
      step({
        name: 'Legal',
        role: null,
        approverIds: ['u-lee'],
        appliesWhen: { riskCategories: [RiskCategory.LEGAL_REGULATORY], minRiskScore: 5 },
        slaHours: 8,
        escalateToIds: ['u-adm'],
      }),
      step({
        name: 'Leadership',
        role: 'APPROVER',
        quorum: COUNT,
        minApprovals: 2,
        slaHours: 12,
        expireOnTimeout: true,
      }),
    ];
    expect(policyProblems(steps, BRAND)).toEqual([]);
  });

  it('needs at least one step', () => {
    expect(policyProblems([], BRAND)).toEqual([
      { field: 'input.steps', rule: 'arrayNotEmpty', message: 'A policy needs at least one step' },
    ]);
    expect(fieldsAndRules([], BRAND, 'policy')).toEqual(['policy arrayNotEmpty']);
  });

  it('needs a name on every step', () => {
    expect(fieldsAndRules([step({ name: '  ' }), step({ name: 'Leadership' })])).toEqual([
      'input.steps[0].name isNotEmpty',
    ]);
  });

  it('needs unique names, ignoring case and surrounding space', () => {
    const problems = policyProblems(
      [step({ name: 'Legal' }), step({ name: 'Comms' }), step({ name: ' legal ' })],
      BRAND,
    );
    expect(problems).toEqual([
      {
        field: 'input.steps[2].name',
        rule: 'unique',
        message: 'Step "legal" has the same name as step 1',
      },
    ]);
  });

  it('needs a role or an approver on each step', () => {
    expect(policyProblems([step({ role: null, approverIds: [] })], BRAND)).toEqual([
      {
        field: 'input.steps[0].approverIds',
        rule: 'approver',
        message:
          'Step "Leadership" names nobody who may decide: give a role or at least one approver',
      },
    ]);
  });

  it('refuses AUDITOR and unknown roles', () => {
    expect(fieldsAndRules([step({ role: 'AUDITOR' })])).toEqual(['input.steps[0].role isEnum']);
    expect(policyProblems([step({ role: 'BOSS' })], BRAND)[0].message).toBe(
      'BOSS may not decide: a step names one of ADMIN, SOCIAL_MANAGER, CONTRIBUTOR, REVIEWER, APPROVER',
    );
  });

  it.each(DECIDING_ROLES)('accepts the role %s', (role) => {
    expect(policyProblems([step({ role })], BRAND)).toEqual([]);
  });

  it('needs approvers and deputies to be members with a deciding role', () => {
    const s = step({
      role: null,
      approverIds: ['u-ana', 'u-gone', 'u-aud'],
      escalateToIds: ['u-adm', 'u-sam', 'u-zed'],
    });
    const problems = policyProblems([s], BRAND);
    expect(problems.map(({ field, rule }) => `${field} ${rule}`)).toEqual([
      'input.steps[0].approverIds[1] member',
      'input.steps[0].approverIds[2] member',
      'input.steps[0].escalateToIds[2] member',
    ]);
    expect(problems[0].message).toBe('"u-gone" is not a member of the brand with a deciding role');
  });

  it('needs COUNT to count at least one approval', () => {
    for (const minApprovals of [0, -1, 1.5, Number.NaN]) {
      expect(fieldsAndRules([step({ quorum: COUNT, minApprovals })])).toEqual([
        'input.steps[0].minApprovals min',
      ]);
    }
  });

  it('needs COUNT to fit the members eligible now, and says both numbers', () => {
    expect(policyProblems([step({ quorum: COUNT, minApprovals: 4 })], BRAND)).toEqual([
      {
        field: 'input.steps[0].minApprovals',
        rule: 'fits',
        message: 'Step "Leadership" needs 4 approvals, but only 3 members may decide on it',
      },
    ]);
    expect(policyProblems([step({ quorum: COUNT, minApprovals: 3 })], BRAND)).toEqual([]);
  });

  it('counts role holders and named members once each for COUNT', () => {
    const s = step({ quorum: COUNT, minApprovals: 4, approverIds: ['u-ana', 'u-lee'] });
    expect(policyProblems([s], BRAND)).toEqual([]);
    expect(fieldsAndRules([{ ...s, minApprovals: 5 }])).toEqual([
      'input.steps[0].minApprovals fits',
    ]);
  });

  it('does not count deputies towards COUNT: they decide only after escalation', () => {
    const s = step({ quorum: COUNT, minApprovals: 4, escalateToIds: ['u-adm'] });
    expect(fieldsAndRules([s])).toEqual(['input.steps[0].minApprovals fits']);
  });

  it('ignores minApprovals on ANY and ALL', () => {
    expect(policyProblems([step({ quorum: ANY, minApprovals: 0 })], BRAND)).toEqual([]);
    expect(policyProblems([step({ quorum: ALL, minApprovals: 99 })], BRAND)).toEqual([]);
  });

  it('needs ANY and ALL to have someone eligible now', () => {
    const nobody: Member[] = [{ userId: 'u-sam', roles: ['SOCIAL_MANAGER'] }];
    expect(policyProblems([step({ quorum: ALL })], nobody)).toEqual([
      {
        field: 'input.steps[0].role',
        rule: 'fits',
        message:
          'Step "Leadership" needs the approval of all of its approvers, but no member may decide on it',
      },
    ]);
    expect(fieldsAndRules([step({ quorum: ANY })], nobody)).toEqual(['input.steps[0].role fits']);
  });

  it('points at the approvers when a step names nobody who is still eligible', () => {
    expect(fieldsAndRules([step({ role: null, approverIds: ['u-gone'] })])).toEqual([
      'input.steps[0].approverIds[0] member',
      'input.steps[0].approverIds fits',
    ]);
  });

  it('does not add a quorum problem to a step whose role or approvers are already wrong', () => {
    expect(fieldsAndRules([step({ role: 'AUDITOR', quorum: COUNT, minApprovals: 2 })])).toEqual([
      'input.steps[0].role isEnum',
    ]);
    expect(fieldsAndRules([step({ role: null, quorum: ALL })])).toEqual([
      'input.steps[0].approverIds approver',
    ]);
  });

  it('refuses an unknown quorum', () => {
    expect(fieldsAndRules([step({ quorum: 'MOST' as Quorum })])).toEqual([
      'input.steps[0].quorum isEnum',
    ]);
  });

  it.each([0, -4, 1.5, MAX_SLA_HOURS + 1, Number.NaN])('refuses slaHours %p', (slaHours) => {
    expect(fieldsAndRules([step({ slaHours })])).toEqual(['input.steps[0].slaHours range']);
  });

  it.each([1, 48, MAX_SLA_HOURS])('accepts slaHours %p', (slaHours) => {
    expect(policyProblems([step({ slaHours })], BRAND)).toEqual([]);
  });

  it('allows expiry and escalation without slaHours: the decision deadline can still pass', () => {
    const s = step({ slaHours: null, expireOnTimeout: true, escalateToIds: ['u-adm'] });
    expect(policyProblems([s], BRAND)).toEqual([]);
  });

  it.each([0, 26, 2.5, -1])('refuses the condition minRiskScore %p', (minRiskScore) => {
    expect(fieldsAndRules([step({ appliesWhen: { minRiskScore } })])).toEqual([
      'input.steps[0].appliesWhen.minRiskScore range',
    ]);
  });

  it.each([1, 25])('accepts the condition minRiskScore %p', (minRiskScore) => {
    expect(policyProblems([step({ appliesWhen: { minRiskScore } })], BRAND)).toEqual([]);
  });

  it('refuses values that are not members of the condition’s enums', () => {
    const appliesWhen = {
      urgencies: [Urgency.CRISIS, 'PANIC'],
      stanceTypes: ['SHOUT'],
      riskCategories: [RiskCategory.SAFETY, 'VIBES'],
    } as unknown as StepCondition;
    expect(fieldsAndRules([step({ appliesWhen })])).toEqual([
      'input.steps[0].appliesWhen.urgencies[1] isEnum',
      'input.steps[0].appliesWhen.stanceTypes[0] isEnum',
      'input.steps[0].appliesWhen.riskCategories[1] isEnum',
    ]);
  });

  it('names each problem by its path, in input order', () => {
    const steps = [
      step({ name: 'A', role: null, approverIds: ['u-gone'], quorum: COUNT, minApprovals: 2 }),
      step({ name: 'B', slaHours: 0 }),
      step({ name: 'a', appliesWhen: { minRiskScore: 30 } }),
    ];
    expect(fieldsAndRules(steps, BRAND, 'input.policy')).toEqual([
      'input.policy[0].approverIds[0] member',
      'input.policy[0].minApprovals fits',
      'input.policy[1].slaHours range',
      'input.policy[2].name unique',
      'input.policy[2].appliesWhen.minRiskScore range',
    ]);
  });

  it('accepts any policy built from the members who may decide', () => {
    const deciding = (members: Member[]) =>
      members.filter((m) => m.roles.some((r) => r !== 'AUDITOR')).map((m) => m.userId);
    const policyArb = membersArb
      .filter((members) => deciding(members).length > 0)
      .chain((members) =>
        fc.tuple(
          fc.constant(members),
          fc.array(
            fc.record({
              approverIds: fc.subarray(deciding(members), { minLength: 1 }),
              escalateToIds: fc.subarray(deciding(members)),
              quorum: fc.constantFrom(ANY, ALL, COUNT),
              take: fc.nat(),
              slaHours: fc.option(fc.integer({ min: 1, max: MAX_SLA_HOURS }), { nil: null }),
              expireOnTimeout: fc.boolean(),
              appliesWhen: fc.option(conditionArb, { nil: null }),
            }),
            { minLength: 1, maxLength: 5 },
          ),
        ),
      );
    fc.assert(
      fc.property(policyArb, ([members, specs]) => {
        const steps = specs.map(({ take, ...s }, i) =>
          step({
            ...s,
            name: `Step ${i}`,
            role: null,
            minApprovals: 1 + (take % s.approverIds.length),
          }),
        );
        expect(policyProblems(steps, members)).toEqual([]);
      }),
    );
  });

  it('names only fields of the steps, with a known rule and a message', () => {
    const rules = ['arrayNotEmpty', 'isNotEmpty', 'unique', 'approver', 'isEnum', 'member', 'min'];
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 4 }), membersArb, (steps, members) => {
        for (const problem of policyProblems(steps, members)) {
          expect(problem.field.startsWith('input.steps')).toBe(true);
          expect([...rules, 'fits', 'range']).toContain(problem.rule);
          expect(problem.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('finds a COUNT step that fits exactly when its eligible set is large enough', () => {
    fc.assert(
      fc.property(stepArb, membersArb, (s, members) => {
        const counted = {
          ...s,
          quorum: COUNT,
          approverIds: [],
          escalateToIds: [],
          role: 'APPROVER',
        };
        const eligible = members.filter((m) => m.roles.includes('APPROVER')).length;
        const fits = !fieldsAndRules([counted], members).includes(
          'input.steps[0].minApprovals fits',
        );
        expect(fits).toBe(counted.minApprovals <= eligible);
      }),
    );
  });
});

describe('DEFAULT_POLICY_STEPS', () => {
  it('is one step that any approver satisfies, without deadline or escalation', () => {
    expect(DEFAULT_POLICY_STEPS).toEqual([
      {
        name: 'Approval',
        role: 'APPROVER',
        approverIds: [],
        quorum: ANY,
        minApprovals: 1,
        appliesWhen: null,
        slaHours: null,
        escalateToIds: [],
        expireOnTimeout: false,
      },
    ]);
  });

  it('is valid for a brand with an approver, and applies to every proposal', () => {
    expect(policyProblems(DEFAULT_POLICY_STEPS, BRAND)).toEqual([]);
    fc.assert(
      fc.property(factsArb, (f) => {
        expect(stepApplies(DEFAULT_POLICY_STEPS[0], f)).toBe(true);
      }),
    );
  });

  it('lets every approver but the author decide', () => {
    expect(eligibleApprovers(DEFAULT_POLICY_STEPS[0], BRAND, ['u-ana'], false)).toEqual([
      'u-ben',
      'u-cal',
    ]);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(DEFAULT_POLICY_STEPS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY_STEPS[0])).toBe(true);
    expect(() => DEFAULT_POLICY_STEPS[0].approverIds.push('u-ana')).toThrow(TypeError);
    expect(() => DEFAULT_POLICY_STEPS[0].escalateToIds.push('u-ana')).toThrow(TypeError);
  });
});
