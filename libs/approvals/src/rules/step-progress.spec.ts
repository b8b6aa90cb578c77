import fc from 'fast-check';
import { DecisionOutcome, StepStatus } from './enums';
import { afterDecision, afterRecount, ProposalOutcome, restart, StepState } from './step-progress';

const { APPROVE, REQUEST_CHANGES, REJECT } = DecisionOutcome;
const { WAITING, ACTIVE, SATISFIED, BLOCKED, SKIPPED, EXPIRED } = StepStatus;

const s = (order: number, status: StepStatus, required = 1, approvals = 0): StepState => ({
  order,
  status,
  required,
  approvals,
});

/** Frozen all the way down, so that any change to the input throws. */
const frozen = (steps: StepState[]): readonly StepState[] =>
  Object.freeze(steps.map((step) => Object.freeze({ ...step })));

describe('afterDecision', () => {
  it('counts an approval and keeps the step ACTIVE until it has what it requires', () => {
    const result = afterDecision(frozen([s(1, ACTIVE, 2), s(2, WAITING)]), 1, APPROVE);
    expect(result).toEqual({
      steps: [s(1, ACTIVE, 2, 1), s(2, WAITING)],
      outcome: null,
      activated: null,
    });
  });

  it('satisfies the step and activates the next one', () => {
    const result = afterDecision(frozen([s(1, ACTIVE, 2, 1), s(2, WAITING, 3)]), 1, APPROVE);
    expect(result).toEqual({
      steps: [s(1, SATISFIED, 2, 2), s(2, ACTIVE, 3)],
      outcome: null,
      activated: 2,
    });
  });

  it('passes over SKIPPED steps to the next WAITING one', () => {
    const steps = frozen([s(1, SKIPPED), s(2, ACTIVE), s(3, SKIPPED), s(4, WAITING)]);
    const result = afterDecision(steps, 2, APPROVE);
    expect(result.activated).toBe(4);
    expect(result.steps.map((step) => step.status)).toEqual([SKIPPED, SATISFIED, SKIPPED, ACTIVE]);
  });

  it('approves the proposal when the last step is satisfied', () => {
    const result = afterDecision(
      frozen([s(1, SATISFIED), s(2, ACTIVE), s(3, SKIPPED)]),
      2,
      APPROVE,
    );
    expect(result).toEqual({
      steps: [s(1, SATISFIED), s(2, SATISFIED, 1, 1), s(3, SKIPPED)],
      outcome: 'APPROVED',
      activated: null,
    });
  });

  it('goes by order, not by the position in the list', () => {
    const steps = frozen([s(30, WAITING), s(10, ACTIVE), s(20, SKIPPED), s(25, WAITING)]);
    const result = afterDecision(steps, 10, APPROVE);
    expect(result.activated).toBe(25);
    expect(result.steps.map((step) => [step.order, step.status])).toEqual([
      [30, WAITING],
      [10, SATISFIED],
      [20, SKIPPED],
      [25, ACTIVE],
    ]);
  });

  it('rejects on one rejection, leaving the steps as they are', () => {
    const steps = frozen([s(1, SATISFIED), s(2, ACTIVE, 3, 2), s(3, WAITING)]);
    expect(afterDecision(steps, 2, REJECT)).toEqual({
      steps: [...steps],
      outcome: 'REJECTED',
      activated: null,
    });
  });

  it('sends the proposal back on one request for changes, leaving the steps as they are', () => {
    const steps = frozen([s(1, ACTIVE, 2, 1), s(2, WAITING)]);
    expect(afterDecision(steps, 1, REQUEST_CHANGES)).toEqual({
      steps: [...steps],
      outcome: 'CHANGES_REQUESTED',
      activated: null,
    });
  });

  it('returns new steps and never changes the ones passed in', () => {
    const steps = frozen([s(1, ACTIVE), s(2, WAITING)]);
    const result = afterDecision(steps, 1, APPROVE);
    expect(steps).toEqual([s(1, ACTIVE), s(2, WAITING)]);
    for (const [i, step] of result.steps.entries()) expect(step).not.toBe(steps[i]);
    expect(afterDecision(steps, 1, REJECT).steps[0]).not.toBe(steps[0]);
  });

  describe('a BLOCKED step', () => {
    it('counts an approval and stays BLOCKED while it cannot be satisfied', () => {
      const result = afterDecision(frozen([s(1, BLOCKED, 3, 0)]), 1, APPROVE);
      expect(result).toEqual({ steps: [s(1, BLOCKED, 3, 1)], outcome: null, activated: null });
    });

    it('is satisfied like an ACTIVE one once it has what it requires (after escalation)', () => {
      const result = afterDecision(frozen([s(1, BLOCKED, 2, 1), s(2, WAITING)]), 1, APPROVE);
      expect(result.steps).toEqual([s(1, SATISFIED, 2, 2), s(2, ACTIVE)]);
      expect(result.activated).toBe(2);
    });
  });

  describe('refuses a review in a shape that decisions never leave it in', () => {
    it.each([
      ['no step with the active order', [s(1, ACTIVE)], 2, 'no step has the order 2'],
      ['a WAITING active step', [s(1, WAITING)], 1, 'step 1 is WAITING, not the step under review'],
      ['a SATISFIED active step', [s(1, SATISFIED)], 1, 'step 1 is SATISFIED'],
      ['a SKIPPED active step', [s(1, SKIPPED), s(2, ACTIVE)], 1, 'step 1 is SKIPPED'],
      ['an EXPIRED active step', [s(1, EXPIRED)], 1, 'step 1 is EXPIRED'],
      [
        'a WAITING step before the active one',
        [s(1, WAITING), s(2, ACTIVE)],
        2,
        'step 1 is WAITING before the step under review (2)',
      ],
      [
        'a second ACTIVE step',
        [s(1, ACTIVE), s(2, ACTIVE)],
        1,
        'step 2 is ACTIVE after the step under review (1)',
      ],
      [
        'a SATISFIED step after the active one',
        [s(1, ACTIVE), s(2, SATISFIED)],
        1,
        'step 2 is SATISFIED after',
      ],
      ['two steps with one order', [s(1, ACTIVE), s(1, WAITING)], 1, 'two steps have the order 1'],
    ])('%s', (_, steps, activeOrder, message) => {
      for (const outcome of [APPROVE, REJECT, REQUEST_CHANGES]) {
        expect(() => afterDecision(steps, activeOrder, outcome)).toThrow(message);
      }
    });

    it('and an unknown outcome', () => {
      expect(() => afterDecision([s(1, ACTIVE)], 1, 'ABSTAIN' as DecisionOutcome)).toThrow(
        'unknown decision outcome: ABSTAIN',
      );
    });
  });
});

describe('afterRecount', () => {
  it('satisfies an ALL step whose remaining approvers have all approved, and activates the next', () => {
    // Three were asked, two approved, the third left: the step now requires two.
    const result = afterRecount(frozen([s(1, ACTIVE, 2, 2), s(2, WAITING)]), 1);
    expect(result).toEqual({
      steps: [s(1, SATISFIED, 2, 2), s(2, ACTIVE)],
      outcome: null,
      activated: 2,
    });
  });

  it('approves the proposal when the recounted step was the last', () => {
    const result = afterRecount(frozen([s(1, SATISFIED), s(2, BLOCKED, 1, 1)]), 2);
    expect(result.outcome).toBe('APPROVED');
    expect(result.steps[1].status).toBe(SATISFIED);
  });

  it('moves nothing while the step still lacks approvals, or requires none', () => {
    for (const steps of [[s(1, ACTIVE, 3, 2), s(2, WAITING)], [s(1, BLOCKED, 0, 0)]]) {
      expect(afterRecount(frozen(steps), 1)).toEqual({
        steps,
        outcome: null,
        activated: null,
      });
    }
  });

  it('refuses a step that is not under review', () => {
    expect(() => afterRecount([s(1, SATISFIED)], 1)).toThrow(RangeError);
  });
});

describe('restart', () => {
  it('waits every applicable step again from zero and activates the first', () => {
    const steps = frozen([s(1, SATISFIED, 1, 1), s(2, SKIPPED), s(3, ACTIVE, 2, 1), s(4, WAITING)]);
    expect(restart(steps)).toEqual({
      steps: [s(1, ACTIVE, 1, 0), s(2, SKIPPED), s(3, WAITING, 2, 0), s(4, WAITING)],
      activated: 1,
    });
  });

  it('activates the first step that applies, by order', () => {
    const steps = frozen([s(3, WAITING), s(1, SKIPPED), s(2, BLOCKED, 3, 1)]);
    expect(restart(steps)).toEqual({
      steps: [s(3, WAITING), s(1, SKIPPED), s(2, ACTIVE, 3, 0)],
      activated: 2,
    });
  });

  it('leaves SKIPPED steps as they are, approvals included', () => {
    const steps = frozen([s(1, SKIPPED, 1, 0), s(2, ACTIVE)]);
    expect(restart(steps).steps[0]).toEqual(s(1, SKIPPED, 1, 0));
  });

  it('activates nothing when every step is SKIPPED', () => {
    expect(restart(frozen([s(1, SKIPPED), s(2, SKIPPED)]))).toEqual({
      steps: [s(1, SKIPPED), s(2, SKIPPED)],
      activated: null,
    });
    expect(restart([])).toEqual({ steps: [], activated: null });
  });

  it('keeps what each step requires (the caller works it out again on activation)', () => {
    expect(restart(frozen([s(1, SATISFIED, 2, 2), s(2, ACTIVE, 3, 1)])).steps).toEqual([
      s(1, ACTIVE, 2, 0),
      s(2, WAITING, 3, 0),
    ]);
  });

  it('refuses two steps with one order', () => {
    expect(() => restart([s(1, ACTIVE), s(1, WAITING)])).toThrow('two steps have the order 1');
  });
});

// ---------------------------------------------------------------- random reviews

/** A fresh review: distinct orders in any list position, some SKIPPED, the first other ACTIVE. */
const reviewArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 })
  .chain((orders) =>
    fc.tuple(
      fc.constant(orders),
      fc.array(fc.record({ skipped: fc.boolean(), required: fc.integer({ min: 1, max: 4 }) }), {
        minLength: orders.length,
        maxLength: orders.length,
      }),
    ),
  )
  .map(([orders, specs]) => {
    const steps = orders.map((order, i) =>
      s(order, specs[i].skipped ? SKIPPED : WAITING, specs[i].required),
    );
    const applicable = steps.filter((step) => step.status !== SKIPPED);
    if (applicable.length === 0) return null;
    const first = applicable.reduce((a, b) => (a.order < b.order ? a : b));
    first.status = ACTIVE;
    return { steps, active: first.order };
  })
  .filter((review) => review !== null);

const operationsArb = fc.array(
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(APPROVE) },
    { weight: 1, arbitrary: fc.constantFrom(REJECT, REQUEST_CHANGES) },
    { weight: 2, arbitrary: fc.constant('REVISE' as const) },
  ),
  { maxLength: 40 },
);

/** The state invariants that no sequence of decisions and revisions may break. */
function expectInvariants(
  steps: readonly StepState[],
  original: readonly StepState[],
  outcome: ProposalOutcome,
): void {
  const active = steps.filter((step) => step.status === ACTIVE);
  expect(active.length).toBeLessThanOrEqual(1);
  if (outcome === 'APPROVED') {
    expect(active).toEqual([]);
    for (const step of steps) expect([SATISFIED, SKIPPED]).toContain(step.status);
  } else {
    expect(steps.every((step) => [SATISFIED, SKIPPED].includes(step.status))).toBe(false);
  }
  if (active.length === 1) {
    for (const step of steps.filter((x) => x.status === SATISFIED)) {
      expect(step.order).toBeLessThan(active[0].order);
    }
    for (const step of steps.filter((x) => x.status === WAITING)) {
      expect(step.order).toBeGreaterThan(active[0].order);
    }
  }
  for (const [i, step] of steps.entries()) {
    // Same list, same order of positions, same requirements; SKIPPED stays SKIPPED and vice versa.
    expect(step.order).toBe(original[i].order);
    expect(step.required).toBe(original[i].required);
    expect(step.status === SKIPPED).toBe(original[i].status === SKIPPED);
    expect(step.approvals).toBeGreaterThanOrEqual(0);
    expect(step.approvals).toBeLessThanOrEqual(step.required);
    expect(step.approvals === step.required).toBe(step.status === SATISFIED);
  }
}

describe('a review driven by random decisions and revisions', () => {
  it('never breaks an invariant, and ends only on a decision that ends it', () => {
    fc.assert(
      fc.property(reviewArb, operationsArb, ({ steps: initial, active: first }, operations) => {
        let steps: readonly StepState[] = frozen(initial);
        let active = first;
        let outcome: ProposalOutcome = null;
        for (const operation of operations) {
          if (operation === 'REVISE') {
            const result = restart(steps);
            expect(result.activated).toBe(first);
            steps = frozen(result.steps);
            active = result.activated!;
          } else {
            const before = steps;
            const result = afterDecision(steps, active, operation);
            expect(before).toEqual(steps); // untouched (and frozen, so it could not be)
            steps = frozen(result.steps);
            outcome = result.outcome;
            if (operation !== APPROVE) {
              expect(outcome).toBe(operation === REJECT ? 'REJECTED' : 'CHANGES_REQUESTED');
              expect(result.steps).toEqual(before);
            } else {
              expect(outcome === null || outcome === 'APPROVED').toBe(true);
            }
            if (result.activated !== null) {
              const next = steps.find((step) => step.order === result.activated)!;
              expect(next).toMatchObject({ status: ACTIVE, approvals: 0 });
              const passedOver = before.filter(
                (step) => step.order > active && step.order < next.order,
              );
              for (const step of passedOver) expect(step.status).toBe(SKIPPED);
              active = result.activated;
            }
          }
          expectInvariants(steps, initial, outcome);
          if (outcome !== null) break;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('approves after exactly as many approvals as the applicable steps require together', () => {
    fc.assert(
      fc.property(reviewArb, ({ steps: initial, active: first }) => {
        const needed = initial
          .filter((step) => step.status !== SKIPPED)
          .reduce((sum, step) => sum + step.required, 0);
        let steps: readonly StepState[] = frozen(initial);
        let active = first;
        const activations = [first];
        for (let i = 1; i <= needed; i++) {
          const result = afterDecision(steps, active, APPROVE);
          expect(result.outcome).toBe(i === needed ? 'APPROVED' : null);
          steps = result.steps;
          if (result.activated !== null) {
            active = result.activated;
            activations.push(active);
          }
        }
        // Every applicable step was active once, in order.
        const applicable = initial
          .filter((step) => step.status !== SKIPPED)
          .map((step) => step.order)
          .sort((a, b) => a - b);
        expect(activations).toEqual(applicable);
      }),
    );
  });

  it('makes a revision forget every approval of the applicable steps', () => {
    fc.assert(
      fc.property(reviewArb, fc.nat(10), ({ steps: initial, active: first }, approvals) => {
        let steps: readonly StepState[] = frozen(initial);
        let active = first;
        for (let i = 0; i < approvals; i++) {
          const result = afterDecision(steps, active, APPROVE);
          if (result.outcome !== null) break;
          steps = result.steps;
          active = result.activated ?? active;
        }
        const { steps: restarted, activated } = restart(steps);
        expect(activated).toBe(first);
        expect(restarted).toEqual(initial);
      }),
    );
  });
});
