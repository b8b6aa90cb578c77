import fc from 'fast-check';
import {
  ProposalState,
  Recommendation,
  RiskCategory,
  RiskStatus,
  Severity,
} from '@standpoint/proposals/rules';
import { firstRefusal } from './decision-refusal';
import { DecisionOutcome } from './enums';
import {
  acceptedRisksWords,
  againstTeamWords,
  decisionOverride,
  goesAgainstTeam,
  isRiskOfSpeaking,
  OverrideFacts,
  overrideWords,
  RiskFacts,
} from './override';

const { PROCEED, PROCEED_WITH_CHANGES, HOLD, DO_NOT_POST } = Recommendation;
const { APPROVE, REQUEST_CHANGES, REJECT } = DecisionOutcome;
const { OPEN, MITIGATED, ACCEPTED } = RiskStatus;
const RECOMMENDATIONS = Object.values(Recommendation);
const CATEGORIES = Object.values(RiskCategory);
const OUTCOMES = Object.values(DecisionOutcome);

const risk = (
  category: RiskCategory,
  likelihood: number,
  impact: number,
  status = OPEN,
): RiskFacts => ({ category, likelihood, impact, status });
const facts = (
  recommendation: Recommendation | null,
  risks: RiskFacts[] = [],
  current = true,
): OverrideFacts => ({
  recommendation: recommendation && { recommendation, current },
  risks,
});

describe('decisionOverride', () => {
  it('finds nothing without a recommendation or risks', () => {
    for (const outcome of OUTCOMES) {
      expect(decisionOverride(outcome, facts(null))).toEqual({
        againstTeam: null,
        acceptedRisks: [],
        reasons: [],
      });
    }
  });

  describe('against the team', () => {
    it.each([HOLD, DO_NOT_POST])(
      'approving against %s goes against the team and needs acknowledging',
      (recommendation) => {
        expect(decisionOverride(APPROVE, facts(recommendation))).toEqual({
          againstTeam: { recommendation, current: true },
          acceptedRisks: [],
          reasons: [`The team recommends ${recommendation}`],
        });
      },
    );

    it.each([PROCEED, PROCEED_WITH_CHANGES])(
      'rejecting against %s goes against the team, with nothing to acknowledge',
      (recommendation) => {
        expect(decisionOverride(REJECT, facts(recommendation))).toEqual({
          againstTeam: { recommendation, current: true },
          acceptedRisks: [],
          reasons: [],
        });
      },
    );

    it.each([PROCEED, PROCEED_WITH_CHANGES])(
      'approving what the team recommends (%s) overrules nobody',
      (recommendation) => {
        expect(decisionOverride(APPROVE, facts(recommendation)).againstTeam).toBeNull();
      },
    );

    it.each([HOLD, DO_NOT_POST])('rejecting what the team warns of (%s) overrules nobody', (r) => {
      expect(decisionOverride(REJECT, facts(r)).againstTeam).toBeNull();
    });

    it.each(RECOMMENDATIONS)('asking for changes never goes against %s', (recommendation) => {
      expect(decisionOverride(REQUEST_CHANGES, facts(recommendation))).toEqual({
        againstTeam: null,
        acceptedRisks: [],
        reasons: [],
      });
    });

    it('keeps a warning made on an earlier revision, and says so', () => {
      expect(decisionOverride(APPROVE, facts(DO_NOT_POST, [], false))).toMatchObject({
        againstTeam: { recommendation: DO_NOT_POST, current: false },
        reasons: ['The team recommends DO_NOT_POST (made on an earlier revision)'],
      });
    });
  });

  describe('open risks', () => {
    it('accepts each open HIGH or CRITICAL risk of speaking, with its score and severity', () => {
      const backlash = { ...risk(RiskCategory.BACKLASH, 4, 5), id: 'r1' };
      const legal = { ...risk(RiskCategory.LEGAL_REGULATORY, 2, 5), id: 'r2' };
      const result = decisionOverride(APPROVE, {
        recommendation: null,
        risks: [backlash, { ...risk(RiskCategory.SAFETY, 2, 2), id: 'r3' }, legal],
      });
      expect(result).toEqual({
        againstTeam: null,
        acceptedRisks: [
          { ...backlash, score: 20, severity: Severity.CRITICAL },
          { ...legal, score: 10, severity: Severity.HIGH },
        ],
        reasons: [
          'An open CRITICAL risk (BACKLASH, score 20)',
          'An open HIGH risk (LEGAL_REGULATORY, score 10)',
        ],
      });
    });

    it('never asks to acknowledge the risk of silence: it is a reason to speak', () => {
      const result = decisionOverride(
        APPROVE,
        facts(PROCEED, [risk(RiskCategory.SILENCE_RISK, 5, 5)]),
      );
      expect(result).toEqual({ againstTeam: null, acceptedRisks: [], reasons: [] });
    });

    it.each([MITIGATED, ACCEPTED])(
      'leaves a %s risk out: it no longer stands in the way',
      (status) => {
        expect(
          decisionOverride(APPROVE, facts(null, [risk(RiskCategory.BACKLASH, 5, 5, status)]))
            .reasons,
        ).toEqual([]);
      },
    );

    it('draws the line between MEDIUM and HIGH at score 10', () => {
      const reasons = (likelihood: number, impact: number) =>
        decisionOverride(APPROVE, facts(null, [risk(RiskCategory.OTHER, likelihood, impact)]))
          .reasons;
      expect(reasons(3, 3)).toEqual([]); // 9, MEDIUM
      expect(reasons(1, 5)).toEqual([]); // 5, MEDIUM
      expect(reasons(2, 5)).toEqual(['An open HIGH risk (OTHER, score 10)']);
      expect(reasons(4, 4)).toEqual(['An open HIGH risk (OTHER, score 16)']);
      expect(reasons(5, 5)).toEqual(['An open CRITICAL risk (OTHER, score 25)']);
    });

    it.each([REJECT, REQUEST_CHANGES])(
      'accepts no risk by %s: only an approval speaks',
      (outcome) => {
        expect(decisionOverride(outcome, facts(null, [risk(RiskCategory.BACKLASH, 5, 5)]))).toEqual(
          {
            againstTeam: null,
            acceptedRisks: [],
            reasons: [],
          },
        );
      },
    );

    it('lists the recommendation first, then the risks in the order given', () => {
      expect(
        decisionOverride(
          APPROVE,
          facts(HOLD, [risk(RiskCategory.MISINFORMATION, 3, 4), risk(RiskCategory.BACKLASH, 5, 5)]),
        ).reasons,
      ).toEqual([
        'The team recommends HOLD',
        'An open HIGH risk (MISINFORMATION, score 12)',
        'An open CRITICAL risk (BACKLASH, score 25)',
      ]);
    });

    it('refuses a note with an impossible level', () => {
      expect(() =>
        decisionOverride(APPROVE, facts(null, [risk(RiskCategory.OTHER, 6, 5)])),
      ).toThrow(RangeError);
    });
  });

  // ---- every recommendation × open risks (category, severity, status) × outcome ----

  const riskArb: fc.Arbitrary<RiskFacts> = fc.record({
    category: fc.constantFrom(...CATEGORIES),
    likelihood: fc.integer({ min: 1, max: 5 }),
    impact: fc.integer({ min: 1, max: 5 }),
    status: fc.constantFrom(OPEN, MITIGATED, ACCEPTED),
  });
  const factsArb: fc.Arbitrary<OverrideFacts> = fc.record({
    recommendation: fc.option(
      fc.record({ recommendation: fc.constantFrom(...RECOMMENDATIONS), current: fc.boolean() }),
      { nil: null },
    ),
    risks: fc.array(riskArb, { maxLength: 10 }),
  });
  const outcomeArb = fc.constantFrom(...OUTCOMES);

  it('agrees with the rules written out, for any facts and outcome', () => {
    fc.assert(
      fc.property(outcomeArb, factsArb, (outcome, f) => {
        const r = f.recommendation?.recommendation;
        const against =
          (outcome === APPROVE && (r === HOLD || r === DO_NOT_POST)) ||
          (outcome === REJECT && (r === PROCEED || r === PROCEED_WITH_CHANGES));
        const accepted =
          outcome === APPROVE
            ? f.risks.filter(
                (k) =>
                  k.status === OPEN &&
                  k.category !== RiskCategory.SILENCE_RISK &&
                  k.likelihood * k.impact >= 10,
              )
            : [];
        const result = decisionOverride(outcome, f);
        expect(result.againstTeam).toEqual(against ? f.recommendation : null);
        expect(result.acceptedRisks).toEqual(
          accepted.map((k) => ({
            ...k,
            score: k.likelihood * k.impact,
            severity: k.likelihood * k.impact >= 20 ? Severity.CRITICAL : Severity.HIGH,
          })),
        );
        const acknowledged = outcome === APPROVE ? (against ? 1 : 0) + accepted.length : 0;
        expect(result.reasons).toHaveLength(acknowledged);
        if (outcome === APPROVE && against)
          expect(result.reasons[0]).toMatch(/^The team recommends /);
      }),
      { numRuns: 3000 },
    );
  });

  it('asks for an acknowledgement only to approve; going against PROCEED by rejecting is never refused for it', () => {
    fc.assert(
      fc.property(outcomeArb, factsArb, fc.boolean(), (outcome, f, acknowledgeRisks) => {
        const { reasons } = decisionOverride(outcome, f);
        const refusal = firstRefusal({
          state: ProposalState.IN_REVIEW,
          currentContentHash: 'h',
          contentHash: 'h',
          approverId: 'u-ana',
          writerIds: ['u-sam'],
          eligibleOnActiveStep: true,
          alreadyDecided: false,
          outcome,
          overrideReasons: reasons,
          acknowledgeRisks,
          comment: null,
        });
        const needed = outcome === APPROVE && reasons.length > 0;
        expect(refusal).toBe(needed ? 'ACKNOWLEDGEMENT_REQUIRED' : null);
      }),
      { numRuns: 2000 },
    );
  });

  it('never changes when a risk of silence is added, whatever its score or status', () => {
    fc.assert(
      fc.property(outcomeArb, factsArb, riskArb, fc.nat(), (outcome, f, extra, at) => {
        const silence = { ...extra, category: RiskCategory.SILENCE_RISK };
        const risks = [...f.risks];
        risks.splice(at % (risks.length + 1), 0, silence);
        expect(decisionOverride(outcome, { ...f, risks })).toEqual(decisionOverride(outcome, f));
      }),
    );
  });

  it('never asks for more once a risk is mitigated or accepted', () => {
    fc.assert(
      fc.property(factsArb, fc.nat(), fc.constantFrom(MITIGATED, ACCEPTED), (f, at, status) => {
        if (f.risks.length === 0) return;
        const risks = f.risks.map((k, i) => (i === at % f.risks.length ? { ...k, status } : k));
        const before = decisionOverride(APPROVE, f).reasons;
        const after = decisionOverride(APPROVE, { ...f, risks }).reasons;
        expect(after.length).toBeLessThanOrEqual(before.length);
        for (const reason of after) expect(before).toContain(reason);
      }),
    );
  });

  it('does not change the facts', () => {
    fc.assert(
      fc.property(outcomeArb, factsArb, (outcome, f) => {
        const before = JSON.stringify(f);
        decisionOverride(outcome, f);
        expect(JSON.stringify(f)).toBe(before);
      }),
    );
  });
});

describe('goesAgainstTeam and isRiskOfSpeaking', () => {
  it.each([
    [APPROVE, HOLD, true],
    [APPROVE, DO_NOT_POST, true],
    [APPROVE, PROCEED, false],
    [APPROVE, PROCEED_WITH_CHANGES, false],
    [REJECT, PROCEED, true],
    [REJECT, PROCEED_WITH_CHANGES, true],
    [REJECT, HOLD, false],
    [REJECT, DO_NOT_POST, false],
    [REQUEST_CHANGES, PROCEED, false],
    [REQUEST_CHANGES, HOLD, false],
  ])('%s against %s: %p', (outcome, recommendation, against) => {
    expect(goesAgainstTeam(outcome, recommendation)).toBe(against);
  });

  it('counts every category but the risk of silence as a risk of speaking', () => {
    expect(CATEGORIES.filter((c) => !isRiskOfSpeaking(c))).toEqual([RiskCategory.SILENCE_RISK]);
  });
});

describe('the words of an override', () => {
  it('tells a decision against the team as it went', () => {
    expect(againstTeamWords(APPROVE, HOLD)).toBe("approved against the team's HOLD recommendation");
    expect(againstTeamWords(APPROVE, DO_NOT_POST, false)).toBe(
      "approved against the team's DO NOT POST recommendation (made on an earlier revision)",
    );
    expect(againstTeamWords(REJECT, PROCEED)).toBe(
      'rejected although the team recommended PROCEED',
    );
    expect(againstTeamWords(REJECT, PROCEED_WITH_CHANGES)).toBe(
      'rejected although the team recommended PROCEED WITH CHANGES',
    );
  });

  it('counts and names the accepted risks, with the severity when they differ', () => {
    expect(
      acceptedRisksWords([
        risk(RiskCategory.BACKLASH, 4, 3),
        risk(RiskCategory.LEGAL_REGULATORY, 2, 5),
      ]),
    ).toBe('accepted 2 open high risks: backlash (score 12), legal regulatory (score 10)');
    expect(acceptedRisksWords([risk(RiskCategory.SAFETY, 4, 5)])).toBe(
      'accepted 1 open critical risk: safety (score 20)',
    );
    expect(
      acceptedRisksWords([risk(RiskCategory.SAFETY, 4, 5), risk(RiskCategory.BACKLASH, 4, 3)]),
    ).toBe(
      'accepted 2 open high or critical risks: safety (critical, score 20), backlash (high, score 12)',
    );
  });

  it('joins both into one sentence, or says nothing when nothing was overruled', () => {
    const accepted = [risk(RiskCategory.PERFORMATIVE_ALLYSHIP, 4, 3)];
    expect(overrideWords(APPROVE, { recommendation: HOLD }, accepted)).toBe(
      "approved against the team's HOLD recommendation and accepted 1 open high risk: performative allyship (score 12)",
    );
    expect(overrideWords(APPROVE, null, accepted)).toBe(
      'approved and accepted 1 open high risk: performative allyship (score 12)',
    );
    expect(overrideWords(REJECT, { recommendation: PROCEED }, [])).toBe(
      'rejected although the team recommended PROCEED',
    );
    expect(overrideWords(APPROVE, null, [])).toBeNull();
  });

  it('has words exactly when the decision went against something, for any facts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OUTCOMES),
        fc.constantFrom(null, ...RECOMMENDATIONS),
        fc.array(
          fc.record({
            category: fc.constantFrom(...CATEGORIES),
            likelihood: fc.integer({ min: 1, max: 5 }),
            impact: fc.integer({ min: 1, max: 5 }),
            status: fc.constantFrom(OPEN, MITIGATED, ACCEPTED),
          }),
          { maxLength: 5 },
        ),
        (outcome, recommendation, risks) => {
          const result = decisionOverride(outcome, facts(recommendation, risks));
          const words = overrideWords(outcome, result.againstTeam, result.acceptedRisks);
          expect(words === null).toBe(
            result.againstTeam === null && result.acceptedRisks.length === 0,
          );
          if (result.againstTeam)
            expect(words).toContain(result.againstTeam.recommendation.replace(/_/g, ' '));
          expect(words ?? '').not.toContain('silence');
        },
      ),
    );
  });
});
