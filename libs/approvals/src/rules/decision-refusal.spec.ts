import fc from 'fast-check';
import { ProposalState } from '@standpoint/proposals/rules';
import { commentRequired, DecisionAttempt, firstRefusal, Refusal } from './decision-refusal';
import { DecisionOutcome } from './enums';

const { APPROVE, REQUEST_CHANGES, REJECT } = DecisionOutcome;
const HASH = 'a'.repeat(64);
const OLD_HASH = 'b'.repeat(64);

/** An attempt that nothing refuses: an eligible approver approves the current words. */
const attempt = (overrides: Partial<DecisionAttempt> = {}): DecisionAttempt => ({
  state: ProposalState.IN_REVIEW,
  currentContentHash: HASH,
  contentHash: HASH,
  approverId: 'u-ana',
  writerIds: ['u-sam'],
  eligibleOnActiveStep: true,
  alreadyDecided: false,
  outcome: APPROVE,
  overrideReasons: [],
  acknowledgeRisks: false,
  comment: null,
  ...overrides,
});

const OVERRIDE = ['The team recommends HOLD'];

describe('firstRefusal', () => {
  it('accepts an eligible approval of the current words', () => {
    expect(firstRefusal(attempt())).toBeNull();
  });

  it.each(Object.values(ProposalState).filter((s) => s !== ProposalState.IN_REVIEW))(
    'refuses a decision on a proposal in %s',
    (state) => {
      expect(firstRefusal(attempt({ state }))).toBe('INVALID_TRANSITION');
    },
  );

  it('refuses a decision on words that are no longer current', () => {
    expect(firstRefusal(attempt({ contentHash: OLD_HASH }))).toBe('STALE_REVISION');
  });

  it('compares hashes exactly: the decision is bound to what the approver saw', () => {
    expect(firstRefusal(attempt({ contentHash: HASH.toUpperCase() }))).toBe('STALE_REVISION');
    expect(firstRefusal(attempt({ contentHash: ` ${HASH}` }))).toBe('STALE_REVISION');
    expect(firstRefusal(attempt({ contentHash: '' }))).toBe('STALE_REVISION');
  });

  it.each([APPROVE, REQUEST_CHANGES, REJECT])('never lets the author decide (%s)', (outcome) => {
    expect(firstRefusal(attempt({ approverId: 'u-sam', outcome }))).toBe('SELF_APPROVAL');
  });

  it.each([APPROVE, REQUEST_CHANGES, REJECT])(
    'never lets the writer of any revision decide, eligible or not (%s)',
    (outcome) => {
      const writerIds = ['u-sam', 'u-ana', 'u-rev'];
      for (const approverId of ['u-ana', 'u-rev']) {
        for (const eligibleOnActiveStep of [true, false]) {
          expect(
            firstRefusal(attempt({ approverId, writerIds, outcome, eligibleOnActiveStep })),
          ).toBe('SELF_APPROVAL');
        }
      }
      expect(
        firstRefusal(attempt({ approverId: 'u-ben', writerIds, outcome, comment: 'Why' })),
      ).toBeNull();
    },
  );

  it('refuses a member who may not decide on the active step', () => {
    expect(firstRefusal(attempt({ eligibleOnActiveStep: false }))).toBe('NOT_AN_APPROVER');
  });

  it('refuses a second decision on the same step and revision', () => {
    expect(firstRefusal(attempt({ alreadyDecided: true }))).toBe('ALREADY_DECIDED');
  });

  describe('an override', () => {
    it('needs the acknowledgement and a comment', () => {
      const override = { overrideReasons: OVERRIDE };
      expect(firstRefusal(attempt(override))).toBe('ACKNOWLEDGEMENT_REQUIRED');
      expect(firstRefusal(attempt({ ...override, acknowledgeRisks: true }))).toBe(
        'ACKNOWLEDGEMENT_REQUIRED',
      );
      expect(firstRefusal(attempt({ ...override, comment: 'We stand by it.' }))).toBe(
        'ACKNOWLEDGEMENT_REQUIRED',
      );
      expect(
        firstRefusal(attempt({ ...override, acknowledgeRisks: true, comment: 'We stand by it.' })),
      ).toBeNull();
    });

    it.each(['', '   ', '\n\t'])('does not take the blank comment %j', (comment) => {
      expect(
        firstRefusal(attempt({ overrideReasons: OVERRIDE, acknowledgeRisks: true, comment })),
      ).toBe('ACKNOWLEDGEMENT_REQUIRED');
    });

    it('takes only a real true as the acknowledgement', () => {
      const loose = { acknowledgeRisks: 'true' as unknown as boolean, comment: 'Yes.' };
      expect(firstRefusal(attempt({ overrideReasons: OVERRIDE, ...loose }))).toBe(
        'ACKNOWLEDGEMENT_REQUIRED',
      );
    });

    it.each([REQUEST_CHANGES, REJECT])(
      'is only an approval: %s needs no acknowledgement',
      (outcome) => {
        expect(
          firstRefusal(attempt({ outcome, overrideReasons: OVERRIDE, comment: 'No.' })),
        ).toBeNull();
      },
    );
  });

  // The order of DESIGN.md ("When several refusals apply"), written out as an independent oracle.
  const ORACLE: [(a: DecisionAttempt) => boolean, Refusal][] = [
    [(a) => a.state !== ProposalState.IN_REVIEW, 'INVALID_TRANSITION'],
    [(a) => a.contentHash !== a.currentContentHash, 'STALE_REVISION'],
    [(a) => a.writerIds.includes(a.approverId), 'SELF_APPROVAL'],
    [(a) => !a.eligibleOnActiveStep, 'NOT_AN_APPROVER'],
    [(a) => a.alreadyDecided, 'ALREADY_DECIDED'],
    [
      (a) =>
        a.outcome === APPROVE &&
        a.overrideReasons.length > 0 &&
        (a.acknowledgeRisks !== true || (a.comment ?? '').trim() === ''),
      'ACKNOWLEDGEMENT_REQUIRED',
    ],
  ];

  const attemptArb: fc.Arbitrary<DecisionAttempt> = fc.record({
    state: fc.constantFrom(...Object.values(ProposalState)),
    currentContentHash: fc.constantFrom(HASH, OLD_HASH),
    contentHash: fc.constantFrom(HASH, OLD_HASH),
    approverId: fc.constantFrom('u-ana', 'u-sam', 'u-rev'),
    writerIds: fc.constantFrom(['u-sam'], ['u-sam', 'u-rev'], ['u-ana', 'u-sam']),
    eligibleOnActiveStep: fc.boolean(),
    alreadyDecided: fc.boolean(),
    outcome: fc.constantFrom(APPROVE, REQUEST_CHANGES, REJECT),
    overrideReasons: fc.constantFrom([], OVERRIDE, [
      ...OVERRIDE,
      'An open HIGH risk (SAFETY, score 12)',
    ]),
    acknowledgeRisks: fc.boolean(),
    comment: fc.constantFrom(null, '', '  ', 'Approved against the hold: the CEO spoke.'),
  });

  it('answers the first refusal that applies, in the order of DESIGN.md', () => {
    fc.assert(
      fc.property(attemptArb, (a) => {
        const first = ORACLE.find(([applies]) => applies(a));
        expect(firstRefusal(a)).toBe(first ? first[1] : null);
      }),
      { numRuns: 2000 },
    );
  });

  it('reaches every refusal, and acceptance, from random attempts', () => {
    const seen = new Set(fc.sample(attemptArb, 20_000).map(firstRefusal));
    expect([...seen].sort()).toEqual([...ORACLE.map(([, r]) => r), null].sort());
  });

  it('answers each refusal over every later one, pair by pair', () => {
    // The attempt change that makes each refusal apply on its own.
    const makes: Record<Refusal, Partial<DecisionAttempt>> = {
      INVALID_TRANSITION: { state: ProposalState.APPROVED },
      STALE_REVISION: { contentHash: OLD_HASH },
      SELF_APPROVAL: { approverId: 'u-sam' },
      NOT_AN_APPROVER: { eligibleOnActiveStep: false },
      ALREADY_DECIDED: { alreadyDecided: true },
      ACKNOWLEDGEMENT_REQUIRED: { overrideReasons: OVERRIDE },
    };
    const order = ORACLE.map(([, r]) => r);
    for (const [i, earlier] of order.entries()) {
      expect(firstRefusal(attempt(makes[earlier]))).toBe(earlier);
      for (const later of order.slice(i + 1)) {
        expect(firstRefusal(attempt({ ...makes[later], ...makes[earlier] }))).toBe(earlier);
      }
    }
  });
});

describe('commentRequired', () => {
  it.each([
    [APPROVE, false],
    [REQUEST_CHANGES, true],
    [REJECT, true],
  ])('%s: %p', (outcome, required) => {
    expect(commentRequired(outcome)).toBe(required);
  });
});
