import fc from 'fast-check';
import { EvidenceKind, PeerReception } from './enums';
import { DETAIL_OF_KIND, EvidenceDraft, evidenceProblems } from './evidence-rules';

const KINDS = Object.values(EvidenceKind);
const DETAILS = ['listening', 'comment', 'survey', 'peerExample', 'reaction'] as const;

const listening = (overrides: Partial<NonNullable<EvidenceDraft['listening']>> = {}) => ({
  query: '"pride month" brand:acme',
  periodStart: new Date('2025-06-01T00:00:00.000Z'),
  periodEnd: new Date('2025-06-08T00:00:00.000Z'),
  mentionCount: 12_480,
  positiveShare: 0.42,
  neutralShare: 0.31,
  negativeShare: 0.27,
  ...overrides,
});
const survey = (overrides: Partial<NonNullable<EvidenceDraft['survey']>> = {}) => ({
  statistic: 70,
  sampleSize: 2_000,
  source: 'Sprout Social Index',
  ...overrides,
});

/** A valid piece of evidence of each kind. */
const VALID: Record<EvidenceKind, EvidenceDraft> = {
  LISTENING_SNAPSHOT: {
    kind: EvidenceKind.LISTENING_SNAPSHOT,
    summary: 'Conversation is mostly supportive',
    sourceUrl: 'https://listening.example/reports/42',
    capturedAt: new Date('2025-06-08T09:00:00.000Z'),
    listening: listening(),
  },
  AUDIENCE_COMMENT: {
    kind: EvidenceKind.AUDIENCE_COMMENT,
    summary: 'A loyal customer asks where we stand',
    sourceUrl: 'http://social.example/p/1',
    comment: { quote: 'Where is Acme on this?', platform: 'Instagram' },
  },
  SURVEY_STAT: {
    kind: EvidenceKind.SURVEY_STAT,
    summary: '70% of consumers say it is important for brands to take a stand',
    survey: survey(),
  },
  PEER_BRAND_EXAMPLE: {
    kind: EvidenceKind.PEER_BRAND_EXAMPLE,
    summary: 'Globex changed its logo and nothing else',
    peerExample: {
      peerBrand: 'Globex',
      action: 'Rainbow logo for June',
      reception: PeerReception.CALLED_OUT_PERFORMATIVE,
    },
  },
  EMPLOYEE_SENTIMENT: {
    kind: EvidenceKind.EMPLOYEE_SENTIMENT,
    summary: 'The employee network asked us to speak up',
  },
  NEWS_COVERAGE: {
    kind: EvidenceKind.NEWS_COVERAGE,
    summary: 'Trade press covers brand silence',
    sourceUrl: 'https://news.example/a',
    listening: null,
    comment: null,
  },
  POST_PUBLISH_REACTION: {
    kind: EvidenceKind.POST_PUBLISH_REACTION,
    summary: 'Our post was well received',
    reaction: { reception: PeerReception.PRAISED },
  },
};

const detailFor = (key: (typeof DETAILS)[number]) =>
  VALID[KINDS.find((k) => DETAIL_OF_KIND[k] === key)!][key];

const fieldsAndRules = (draft: EvidenceDraft, path?: string) =>
  evidenceProblems(draft, path).map(({ field, rule }) => `${field} ${rule}`);

describe('DETAIL_OF_KIND', () => {
  it('names the detail object of each kind', () => {
    expect(DETAIL_OF_KIND).toEqual({
      LISTENING_SNAPSHOT: 'listening',
      AUDIENCE_COMMENT: 'comment',
      SURVEY_STAT: 'survey',
      PEER_BRAND_EXAMPLE: 'peerExample',
      POST_PUBLISH_REACTION: 'reaction',
      EMPLOYEE_SENTIMENT: null,
      NEWS_COVERAGE: null,
    });
  });
});

describe('evidenceProblems', () => {
  it.each(KINDS)('accepts a valid %s', (kind) => {
    expect(evidenceProblems(VALID[kind])).toEqual([]);
  });

  describe('the detail object matches the kind', () => {
    it.each(KINDS.filter((k) => DETAIL_OF_KIND[k] !== null))(
      'requires the detail of %s',
      (kind) => {
        const key = DETAIL_OF_KIND[kind]!;
        for (const missing of [undefined, null]) {
          expect(evidenceProblems({ ...VALID[kind], [key]: missing })).toEqual([
            {
              field: `input.${key}`,
              rule: 'required',
              message: `${kind} evidence needs the ${key} details`,
            },
          ]);
        }
      },
    );

    it('refuses every other detail, naming the kind', () => {
      for (const kind of KINDS) {
        const expected = DETAIL_OF_KIND[kind];
        for (const key of DETAILS.filter((d) => d !== expected)) {
          const draft = { ...VALID[kind], [key]: detailFor(key) };
          const needs = expected === null ? 'no details' : `only the ${expected} details`;
          expect(evidenceProblems(draft)).toEqual([
            {
              field: `input.${key}`,
              rule: 'absent',
              message: `${kind} evidence takes ${needs}, not ${key}`,
            },
          ]);
        }
      }
    });

    it('reports both a missing and a wrong detail', () => {
      const draft: EvidenceDraft = {
        kind: EvidenceKind.SURVEY_STAT,
        summary: '70%',
        peerExample: VALID.PEER_BRAND_EXAMPLE.peerExample,
      };

      expect(fieldsAndRules(draft)).toEqual(['input.survey required', 'input.peerExample absent']);
    });

    it('does not check a detail that does not belong', () => {
      const draft = { ...VALID.NEWS_COVERAGE, survey: survey({ statistic: 500 }) };

      expect(fieldsAndRules(draft)).toEqual(['input.survey absent']);
    });

    it('accepts any combination exactly when it is the matching detail alone', () => {
      fc.assert(
        fc.property(fc.constantFrom(...KINDS), fc.subarray([...DETAILS]), (kind, present) => {
          const draft: EvidenceDraft = { kind, summary: 's' };
          for (const key of present) Object.assign(draft, { [key]: detailFor(key) });
          const expected = DETAIL_OF_KIND[kind];
          const ok = expected === null ? present.length === 0 : present.join() === expected;
          expect(evidenceProblems(draft).length === 0).toBe(ok);
        }),
      );
    });
  });

  it('refuses a kind that does not exist', () => {
    expect(evidenceProblems({ kind: 'RUMOUR' as EvidenceKind, summary: 's' })).toEqual([
      { field: 'input.kind', rule: 'isEnum', message: 'RUMOUR is not an evidence kind' },
    ]);
  });

  it.each(['', '   ', '\n\t'])('refuses the blank summary %j', (summary) => {
    expect(evidenceProblems({ ...VALID.EMPLOYEE_SENTIMENT, summary })).toEqual([
      { field: 'input.summary', rule: 'isNotEmpty', message: 'The summary is empty' },
    ]);
  });

  it.each(['ftp://x', 'javascript:alert(1)', 'not a url', '', 'www.example.com'])(
    'refuses the source URL %j',
    (sourceUrl) => {
      expect(evidenceProblems({ ...VALID.NEWS_COVERAGE, sourceUrl })).toEqual([
        {
          field: 'input.sourceUrl',
          rule: 'isUrl',
          message: `The source ${JSON.stringify(sourceUrl)} is not an absolute http or https URL`,
        },
      ]);
    },
  );

  it('names fields under the given path', () => {
    expect(fieldsAndRules({ ...VALID.SURVEY_STAT, summary: '', survey: null }, 'evidence')).toEqual(
      ['evidence.survey required', 'evidence.summary isNotEmpty'],
    );
  });

  describe('listening snapshot', () => {
    const withListening = (overrides: Partial<NonNullable<EvidenceDraft['listening']>>) => ({
      ...VALID.LISTENING_SNAPSHOT,
      listening: listening(overrides),
    });

    it('refuses a blank query', () => {
      expect(evidenceProblems(withListening({ query: ' ' }))).toEqual([
        {
          field: 'input.listening.query',
          rule: 'isNotEmpty',
          message: 'The listening query is empty',
        },
      ]);
    });

    it.each([
      ['ends before it starts', '2025-06-08T00:00:00.000Z', '2025-06-01T00:00:00.000Z'],
      ['ends when it starts', '2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z'],
    ])('refuses a period that %s', (_name, start, end) => {
      expect(
        evidenceProblems(withListening({ periodStart: new Date(start), periodEnd: new Date(end) })),
      ).toEqual([
        {
          field: 'input.listening.periodEnd',
          rule: 'after',
          message: `The period must end after it starts: it ends ${end} and starts ${start}`,
        },
      ]);
    });

    it('accepts a period of one millisecond', () => {
      const periodStart = new Date('2025-06-01T00:00:00.000Z');
      const periodEnd = new Date(periodStart.getTime() + 1);

      expect(evidenceProblems(withListening({ periodStart, periodEnd }))).toEqual([]);
    });

    it('refuses an invalid date', () => {
      expect(fieldsAndRules(withListening({ periodStart: new Date('nonsense') }))).toEqual([
        'input.listening.periodStart isDate',
      ]);
    });

    it.each([-1, 1.5, Number.NaN])('refuses the mention count %p', (mentionCount) => {
      expect(evidenceProblems(withListening({ mentionCount }))).toEqual([
        {
          field: 'input.listening.mentionCount',
          rule: 'nonNegative',
          message: `The mention count must be a whole number of 0 or more, not ${mentionCount}`,
        },
      ]);
    });

    it('accepts no mentions at all', () => {
      expect(evidenceProblems(withListening({ mentionCount: 0 }))).toEqual([]);
    });

    it('refuses a share outside 0..1, naming it', () => {
      expect(
        evidenceProblems(
          withListening({ positiveShare: 1.2, neutralShare: 0, negativeShare: -0.2 }),
        ),
      ).toEqual([
        {
          field: 'input.listening.positiveShare',
          rule: 'range',
          message: 'positiveShare must be within 0..1, not 1.2',
        },
        {
          field: 'input.listening.negativeShare',
          rule: 'range',
          message: 'negativeShare must be within 0..1, not -0.2',
        },
      ]);
    });

    it('refuses a non-number share without a meaningless sum', () => {
      expect(fieldsAndRules(withListening({ neutralShare: Number.NaN }))).toEqual([
        'input.listening.neutralShare range',
      ]);
    });

    it('refuses shares that do not sum to 1, giving the sum', () => {
      expect(
        evidenceProblems(
          withListening({ positiveShare: 0.5, neutralShare: 0.3, negativeShare: 0.1 }),
        ),
      ).toEqual([
        {
          field: 'input.listening',
          rule: 'sumsToOne',
          message:
            'The positive, neutral and negative shares must sum to 1 (± 0.01); they sum to 0.9',
        },
      ]);
    });

    it.each([
      [0.33, 0.33, 0.33, true],
      [0.34, 0.33, 0.34, true],
      [0.5, 0.5, 0, true],
      [1, 0, 0, true],
      [0.335, 0.335, 0.34, true],
      [0.33, 0.33, 0.329, false],
      [0.34, 0.34, 0.331, false],
      [0, 0, 0, false],
    ])(
      'shares %p + %p + %p sum to 1 ± 0.01: %p',
      (positiveShare, neutralShare, negativeShare, ok) => {
        const problems = evidenceProblems(
          withListening({ positiveShare, neutralShare, negativeShare }),
        );
        expect(problems.length === 0).toBe(ok);
      },
    );

    it('accepts any shares within 0..1 whose sum is within 1 ± 0.01, and no other', () => {
      const shareArb = fc.double({ min: 0, max: 1, noNaN: true });
      fc.assert(
        fc.property(shareArb, shareArb, shareArb, (positiveShare, neutralShare, negativeShare) => {
          const sum = positiveShare + neutralShare + negativeShare;
          // Stay clear of the edge, where binary rounding decides.
          fc.pre(Math.abs(Math.abs(sum - 1) - 0.01) > 1e-6);
          const problems = evidenceProblems(
            withListening({ positiveShare, neutralShare, negativeShare }),
          );
          expect(problems.length === 0).toBe(Math.abs(sum - 1) < 0.01);
        }),
      );
    });

    it('accepts normalised shares of any counts', () => {
      fc.assert(
        fc.property(fc.tuple(fc.nat(), fc.nat(), fc.nat()), ([p, n, m]) => {
          fc.pre(p + n + m > 0);
          const total = p + n + m;
          const draft = withListening({
            mentionCount: total,
            positiveShare: p / total,
            neutralShare: n / total,
            negativeShare: m / total,
          });
          expect(evidenceProblems(draft)).toEqual([]);
        }),
      );
    });
  });

  describe('survey statistic', () => {
    const withSurvey = (overrides: Partial<NonNullable<EvidenceDraft['survey']>>) => ({
      ...VALID.SURVEY_STAT,
      survey: survey(overrides),
    });

    it.each([0, 0.5, 70, 100])('accepts the percentage %p', (statistic) => {
      expect(evidenceProblems(withSurvey({ statistic }))).toEqual([]);
    });

    it.each([-1, 100.5, 700, Number.NaN, Number.POSITIVE_INFINITY])(
      'refuses the percentage %p',
      (statistic) => {
        expect(evidenceProblems(withSurvey({ statistic }))).toEqual([
          {
            field: 'input.survey.statistic',
            rule: 'range',
            message: `The statistic is a percentage within 0..100, not ${statistic}`,
          },
        ]);
      },
    );

    it.each([null, undefined, 1, 2_000])('accepts the sample size %p', (sampleSize) => {
      expect(evidenceProblems(withSurvey({ sampleSize }))).toEqual([]);
    });

    it.each([0, -10, 10.5])('refuses the sample size %p', (sampleSize) => {
      expect(evidenceProblems(withSurvey({ sampleSize }))).toEqual([
        {
          field: 'input.survey.sampleSize',
          rule: 'positive',
          message: `The sample size must be a whole number above 0, not ${sampleSize}`,
        },
      ]);
    });

    it('refuses a blank source', () => {
      expect(evidenceProblems(withSurvey({ source: '' }))).toEqual([
        { field: 'input.survey.source', rule: 'isNotEmpty', message: 'The survey source is empty' },
      ]);
    });
  });

  describe('audience comment', () => {
    it('refuses a blank quote', () => {
      expect(
        evidenceProblems({ ...VALID.AUDIENCE_COMMENT, comment: { quote: ' \n', platform: null } }),
      ).toEqual([
        { field: 'input.comment.quote', rule: 'isNotEmpty', message: 'The quote is empty' },
      ]);
    });

    it('does not need a platform', () => {
      expect(evidenceProblems({ ...VALID.AUDIENCE_COMMENT, comment: { quote: 'Why?' } })).toEqual(
        [],
      );
    });
  });

  describe('peer-brand example', () => {
    const peer = VALID.PEER_BRAND_EXAMPLE.peerExample!;

    it('refuses a blank peer brand and a blank action', () => {
      expect(
        evidenceProblems({
          ...VALID.PEER_BRAND_EXAMPLE,
          peerExample: { ...peer, peerBrand: '', action: '  ' },
        }),
      ).toEqual([
        {
          field: 'input.peerExample.peerBrand',
          rule: 'isNotEmpty',
          message: 'The peer brand is empty',
        },
        {
          field: 'input.peerExample.action',
          rule: 'isNotEmpty',
          message: 'What the peer brand did is empty',
        },
      ]);
    });

    it('refuses an unknown reception', () => {
      expect(
        fieldsAndRules({
          ...VALID.PEER_BRAND_EXAMPLE,
          peerExample: { ...peer, reception: 'LOVED' as PeerReception },
        }),
      ).toEqual(['input.peerExample.reception isEnum']);
    });

    it.each(Object.values(PeerReception))('accepts the reception %s', (reception) => {
      expect(
        evidenceProblems({ ...VALID.PEER_BRAND_EXAMPLE, peerExample: { ...peer, reception } }),
      ).toEqual([]);
      expect(evidenceProblems({ ...VALID.POST_PUBLISH_REACTION, reaction: { reception } })).toEqual(
        [],
      );
    });
  });

  it('refuses an unknown reaction reception', () => {
    expect(
      fieldsAndRules({
        ...VALID.POST_PUBLISH_REACTION,
        reaction: { reception: 'MEH' as PeerReception },
      }),
    ).toEqual(['input.reaction.reception isEnum']);
  });

  it('does not change its input', () => {
    const draft = structuredClone(VALID.LISTENING_SNAPSHOT);

    evidenceProblems(draft);

    expect(draft).toEqual(VALID.LISTENING_SNAPSHOT);
  });
});
