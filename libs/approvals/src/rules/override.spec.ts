import fc from 'fast-check';
import { Recommendation, RiskCategory } from '../../../proposals/src/rules/index';
import { OverrideFacts, overrideReasons } from './override';

const { PROCEED, PROCEED_WITH_CHANGES, HOLD, DO_NOT_POST } = Recommendation;
const RECOMMENDATIONS = Object.values(Recommendation);
const CATEGORIES = Object.values(RiskCategory);

const risk = (category: RiskCategory, likelihood: number, impact: number) => ({
  category,
  likelihood,
  impact,
});

describe('overrideReasons', () => {
  it('is empty without a recommendation or open risks', () => {
    expect(overrideReasons({ recommendation: null, openRisks: [] })).toEqual([]);
  });

  it.each([PROCEED, PROCEED_WITH_CHANGES])('is empty for %s', (recommendation) => {
    for (const current of [true, false]) {
      expect(
        overrideReasons({ recommendation: { recommendation, current }, openRisks: [] }),
      ).toEqual([]);
    }
  });

  it.each([HOLD, DO_NOT_POST])('names %s on the current revision', (recommendation) => {
    expect(
      overrideReasons({ recommendation: { recommendation, current: true }, openRisks: [] }),
    ).toEqual([`The team recommends ${recommendation}`]);
  });

  it.each([HOLD, DO_NOT_POST])(
    'keeps %s made on an earlier revision, and says so',
    (recommendation) => {
      expect(
        overrideReasons({ recommendation: { recommendation, current: false }, openRisks: [] }),
      ).toEqual([`The team recommends ${recommendation} (made on an earlier revision)`]);
    },
  );

  it('names each open HIGH or CRITICAL risk with its category and score', () => {
    expect(
      overrideReasons({
        recommendation: null,
        openRisks: [
          risk(RiskCategory.BACKLASH, 4, 5),
          risk(RiskCategory.SAFETY, 2, 2),
          risk(RiskCategory.LEGAL_REGULATORY, 2, 5),
        ],
      }),
    ).toEqual([
      'An open CRITICAL risk (BACKLASH, score 20)',
      'An open HIGH risk (LEGAL_REGULATORY, score 10)',
    ]);
  });

  it('draws the line between MEDIUM and HIGH at score 10', () => {
    const reasons = (likelihood: number, impact: number) =>
      overrideReasons({
        recommendation: null,
        openRisks: [risk(RiskCategory.OTHER, likelihood, impact)],
      });
    expect(reasons(3, 3)).toEqual([]); // 9, MEDIUM
    expect(reasons(1, 5)).toEqual([]); // 5, MEDIUM
    expect(reasons(2, 5)).toEqual(['An open HIGH risk (OTHER, score 10)']);
    expect(reasons(4, 4)).toEqual(['An open HIGH risk (OTHER, score 16)']);
    expect(reasons(5, 5)).toEqual(['An open CRITICAL risk (OTHER, score 25)']);
  });

  it('lists the recommendation first, then the risks in the order given', () => {
    expect(
      overrideReasons({
        recommendation: { recommendation: DO_NOT_POST, current: false },
        openRisks: [risk(RiskCategory.MISINFORMATION, 3, 4), risk(RiskCategory.BACKLASH, 5, 5)],
      }),
    ).toEqual([
      'The team recommends DO_NOT_POST (made on an earlier revision)',
      'An open HIGH risk (MISINFORMATION, score 12)',
      'An open CRITICAL risk (BACKLASH, score 25)',
    ]);
  });

  it('keeps one reason per note, even for two alike', () => {
    const twice = risk(RiskCategory.BACKLASH, 4, 4);
    expect(overrideReasons({ recommendation: null, openRisks: [twice, twice] })).toHaveLength(2);
  });

  it('refuses a note with an impossible level', () => {
    expect(() =>
      overrideReasons({ recommendation: null, openRisks: [risk(RiskCategory.OTHER, 6, 5)] }),
    ).toThrow(RangeError);
  });

  const factsArb: fc.Arbitrary<OverrideFacts> = fc.record({
    recommendation: fc.option(
      fc.record({ recommendation: fc.constantFrom(...RECOMMENDATIONS), current: fc.boolean() }),
      { nil: null },
    ),
    openRisks: fc.array(
      fc.record({
        category: fc.constantFrom(...CATEGORIES),
        likelihood: fc.integer({ min: 1, max: 5 }),
        impact: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 12 },
    ),
  });

  it('gives one reason for a warning and one per risk scored 10 or more, for any facts', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const warned = [HOLD, DO_NOT_POST].includes(facts.recommendation?.recommendation as never);
        const grave = facts.openRisks.filter((r) => r.likelihood * r.impact >= 10);
        const reasons = overrideReasons(facts);
        expect(reasons).toHaveLength((warned ? 1 : 0) + grave.length);
        if (warned) expect(reasons[0]).toMatch(/^The team recommends /);
        expect(reasons.slice(warned ? 1 : 0)).toEqual(
          grave.map((r) =>
            expect.stringContaining(`(${r.category}, score ${r.likelihood * r.impact})`),
          ),
        );
      }),
    );
  });

  it('does not change the facts', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const before = JSON.stringify(facts);
        overrideReasons(facts);
        expect(JSON.stringify(facts)).toBe(before);
      }),
    );
  });
});
