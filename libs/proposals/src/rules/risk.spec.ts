import fc from 'fast-check';
import { RiskStatus, Severity } from './enums';
import { proposalRiskScore, riskMatrix, riskScore, severityOf } from './risk';

const { LOW, MEDIUM, HIGH, CRITICAL } = Severity;
const { OPEN, MITIGATED, ACCEPTED } = RiskStatus;

const levelArb = fc.integer({ min: 1, max: 5 });
const noteArb = fc.record({
  likelihood: levelArb,
  impact: levelArb,
  status: fc.constantFrom(OPEN, MITIGATED, ACCEPTED),
});
const notesArb = fc.array(noteArb, { maxLength: 60 });

describe('riskScore and severityOf', () => {
  // [likelihood, impact, score, severity] for all 25 pairs.
  const TABLE: [number, number, number, Severity][] = [
    [1, 1, 1, LOW],
    [1, 2, 2, LOW],
    [1, 3, 3, LOW],
    [1, 4, 4, LOW],
    [1, 5, 5, MEDIUM],
    [2, 1, 2, LOW],
    [2, 2, 4, LOW],
    [2, 3, 6, MEDIUM],
    [2, 4, 8, MEDIUM],
    [2, 5, 10, HIGH],
    [3, 1, 3, LOW],
    [3, 2, 6, MEDIUM],
    [3, 3, 9, MEDIUM],
    [3, 4, 12, HIGH],
    [3, 5, 15, HIGH],
    [4, 1, 4, LOW],
    [4, 2, 8, MEDIUM],
    [4, 3, 12, HIGH],
    [4, 4, 16, HIGH],
    [4, 5, 20, CRITICAL],
    [5, 1, 5, MEDIUM],
    [5, 2, 10, HIGH],
    [5, 3, 15, HIGH],
    [5, 4, 20, CRITICAL],
    [5, 5, 25, CRITICAL],
  ];

  it('covers every pair exactly once', () => {
    expect(new Set(TABLE.map(([l, i]) => `${l}×${i}`)).size).toBe(25);
  });

  it.each(TABLE)('likelihood %i × impact %i = %i, %s', (likelihood, impact, score, severity) => {
    expect(riskScore(likelihood, impact)).toBe(score);
    expect(severityOf(score)).toBe(severity);
  });

  it('never produces 17, 18 or 19', () => {
    const scores = new Set(TABLE.map(([, , score]) => score));
    expect([17, 18, 19].filter((s) => scores.has(s))).toEqual([]);
  });

  it.each([
    [0, 3],
    [6, 3],
    [3, 0],
    [3, 6],
    [2.5, 3],
    [3, Number.NaN],
    [-1, 1],
    [Number.POSITIVE_INFINITY, 1],
  ])('refuses likelihood %p × impact %p with a RangeError', (likelihood, impact) => {
    expect(() => riskScore(likelihood, impact)).toThrow(RangeError);
  });

  it('names the faulty level', () => {
    expect(() => riskScore(6, 1)).toThrow('likelihood must be an integer from 1 to 5, not 6');
    expect(() => riskScore(1, 0)).toThrow('impact must be an integer from 1 to 5, not 0');
  });

  it('maps the bands at their edges', () => {
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(severityOf)).toEqual([
      LOW,
      LOW,
      MEDIUM,
      MEDIUM,
      HIGH,
      HIGH,
      CRITICAL,
      CRITICAL,
    ]);
  });

  it('counts the impossible 17..19 as CRITICAL, erring towards caution', () => {
    expect([17, 18, 19].map(severityOf)).toEqual([CRITICAL, CRITICAL, CRITICAL]);
  });

  it.each([0, 26, -4, 4.5, Number.NaN])('refuses the score %p with a RangeError', (score) => {
    expect(() => severityOf(score)).toThrow(RangeError);
  });

  it('grows with the score', () => {
    const order = [LOW, MEDIUM, HIGH, CRITICAL];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 }), (a, b) => {
        fc.pre(a <= b);
        expect(order.indexOf(severityOf(a))).toBeLessThanOrEqual(order.indexOf(severityOf(b)));
      }),
    );
  });
});

describe('proposalRiskScore', () => {
  it('is 0 without notes or without open ones', () => {
    expect(proposalRiskScore([])).toBe(0);
    expect(
      proposalRiskScore([
        { likelihood: 5, impact: 5, status: MITIGATED },
        { likelihood: 5, impact: 5, status: ACCEPTED },
      ]),
    ).toBe(0);
  });

  it('is the highest open score, not the sum or a closed one', () => {
    expect(
      proposalRiskScore([
        { likelihood: 2, impact: 3, status: OPEN },
        { likelihood: 4, impact: 3, status: OPEN },
        { likelihood: 5, impact: 5, status: MITIGATED },
        { likelihood: 1, impact: 1, status: OPEN },
      ]),
    ).toBe(12);
  });

  it('is the maximum of the open scores, for any notes', () => {
    fc.assert(
      fc.property(notesArb, (notes) => {
        const open = notes.filter((n) => n.status === OPEN).map((n) => n.likelihood * n.impact);
        expect(proposalRiskScore(notes)).toBe(Math.max(0, ...open));
      }),
    );
  });

  it('does not depend on the order of the notes', () => {
    fc.assert(
      fc.property(
        notesArb.chain((n) =>
          fc.tuple(fc.constant(n), fc.shuffledSubarray(n, { minLength: n.length })),
        ),
        ([notes, shuffled]) => {
          expect(proposalRiskScore(shuffled)).toBe(proposalRiskScore(notes));
        },
      ),
    );
  });

  it('refuses an open note with an impossible level', () => {
    expect(() => proposalRiskScore([{ likelihood: 6, impact: 1, status: OPEN }])).toThrow(
      RangeError,
    );
  });
});

describe('riskMatrix', () => {
  it('is a 5 × 5 grid of zeros without open notes', () => {
    const zeros = [0, 0, 0, 0, 0];
    expect(riskMatrix([{ likelihood: 3, impact: 3, status: MITIGATED }])).toEqual([
      zeros,
      zeros,
      zeros,
      zeros,
      zeros,
    ]);
  });

  it('counts open notes at [likelihood - 1][impact - 1]', () => {
    const matrix = riskMatrix([
      { likelihood: 1, impact: 5, status: OPEN },
      { likelihood: 1, impact: 5, status: OPEN },
      { likelihood: 4, impact: 2, status: OPEN },
      { likelihood: 4, impact: 2, status: ACCEPTED },
    ]);

    expect(matrix).toEqual([
      [0, 0, 0, 0, 2],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('returns fresh rows, so one matrix never changes another', () => {
    const matrix = riskMatrix([]);
    matrix[0][0] = 9;

    expect(matrix[1][0]).toBe(0);
    expect(riskMatrix([])[0][0]).toBe(0);
  });

  it('sums to the number of open notes', () => {
    fc.assert(
      fc.property(notesArb, (notes) => {
        const matrix = riskMatrix(notes);
        expect(matrix).toHaveLength(5);
        for (const row of matrix) expect(row).toHaveLength(5);
        const sum = matrix.flat().reduce((a, b) => a + b, 0);
        expect(sum).toBe(notes.filter((n) => n.status === OPEN).length);
      }),
    );
  });

  it('agrees with proposalRiskScore: the highest occupied cell is the risk score', () => {
    fc.assert(
      fc.property(notesArb, (notes) => {
        const occupied = riskMatrix(notes).flatMap((row, l) =>
          row.flatMap((count, i) => (count > 0 ? [(l + 1) * (i + 1)] : [])),
        );
        expect(Math.max(0, ...occupied)).toBe(proposalRiskScore(notes));
      }),
    );
  });

  it('refuses an open note with an impossible level', () => {
    expect(() => riskMatrix([{ likelihood: 1, impact: 0, status: OPEN }])).toThrow(RangeError);
  });
});
