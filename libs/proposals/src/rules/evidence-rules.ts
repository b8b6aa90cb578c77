import { EvidenceKind, PeerReception } from './enums';
import { isHttpUrl } from './http-url';

/** A piece of evidence as it is added: common fields and at most one detail object. */
export interface EvidenceDraft {
  kind: EvidenceKind;
  summary: string;
  sourceUrl?: string | null;
  capturedAt?: Date | null;
  listening?: {
    query: string;
    periodStart: Date;
    periodEnd: Date;
    mentionCount: number;
    positiveShare: number;
    neutralShare: number;
    negativeShare: number;
  } | null;
  comment?: { quote: string; platform?: string | null } | null;
  survey?: { statistic: number; sampleSize?: number | null; source: string } | null;
  peerExample?: { peerBrand: string; action: string; reception: PeerReception } | null;
  reaction?: { reception: PeerReception } | null;
}

type DetailKey = 'listening' | 'comment' | 'survey' | 'peerExample' | 'reaction';

interface Problem {
  field: string;
  rule: string;
  message: string;
}

/** The detail object each kind carries; EMPLOYEE_SENTIMENT and NEWS_COVERAGE carry none. */
export const DETAIL_OF_KIND: Readonly<Record<EvidenceKind, DetailKey | null>> = Object.freeze({
  [EvidenceKind.LISTENING_SNAPSHOT]: 'listening',
  [EvidenceKind.AUDIENCE_COMMENT]: 'comment',
  [EvidenceKind.SURVEY_STAT]: 'survey',
  [EvidenceKind.PEER_BRAND_EXAMPLE]: 'peerExample',
  [EvidenceKind.POST_PUBLISH_REACTION]: 'reaction',
  [EvidenceKind.EMPLOYEE_SENTIMENT]: null,
  [EvidenceKind.NEWS_COVERAGE]: null,
});

const DETAIL_KEYS: readonly DetailKey[] = [
  'listening',
  'comment',
  'survey',
  'peerExample',
  'reaction',
];

/** How far the three sentiment shares may sum from 1; the epsilon absorbs binary rounding. */
const SHARE_TOLERANCE = 0.01;
const EPSILON = 1e-9;

const isBlank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === '';
const isPresent = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined;
const isValidDate = (date: unknown): date is Date =>
  date instanceof Date && !Number.isNaN(date.getTime());
const isReception = (value: unknown): boolean =>
  Object.values(PeerReception).includes(value as PeerReception);
/** A number as people read it: no binary noise like 0.30000000000000004. */
const show = (n: number): string => String(Number(n.toFixed(6)));

/**
 * Everything wrong with a piece of evidence, each named by its path in the input and with a
 * message that says what is wrong. An empty list means the evidence may be stored.
 */
export function evidenceProblems(draft: EvidenceDraft, path = 'input'): Problem[] {
  const problems: Problem[] = [];
  const problem = (field: string, rule: string, message: string): void => {
    problems.push({ field: `${path}.${field}`, rule, message });
  };

  const { kind } = draft;
  const known = Object.hasOwn(DETAIL_OF_KIND, kind);
  const expected = known ? DETAIL_OF_KIND[kind] : null;
  if (!known) {
    problem('kind', 'isEnum', `${String(kind)} is not an evidence kind`);
  } else if (expected !== null && !isPresent(draft[expected])) {
    problem(expected, 'required', `${kind} evidence needs the ${expected} details`);
  }
  for (const key of DETAIL_KEYS) {
    if (key !== expected && isPresent(draft[key])) {
      const needs = expected === null ? 'no details' : `only the ${expected} details`;
      problem(key, 'absent', `${String(kind)} evidence takes ${needs}, not ${key}`);
    }
  }

  if (isBlank(draft.summary)) problem('summary', 'isNotEmpty', 'The summary is empty');
  if (isPresent(draft.sourceUrl) && !isHttpUrl(draft.sourceUrl)) {
    problem(
      'sourceUrl',
      'isUrl',
      `The source ${JSON.stringify(draft.sourceUrl)} is not an absolute http or https URL`,
    );
  }

  // Only the detail that belongs to the kind is checked; the others were refused above.
  if (expected === 'listening' && isPresent(draft.listening)) {
    listeningProblems(draft.listening, problem);
  }
  if (expected === 'comment' && isPresent(draft.comment)) {
    if (isBlank(draft.comment.quote)) problem('comment.quote', 'isNotEmpty', 'The quote is empty');
  }
  if (expected === 'survey' && isPresent(draft.survey)) {
    surveyProblems(draft.survey, problem);
  }
  if (expected === 'peerExample' && isPresent(draft.peerExample)) {
    const { peerBrand, action, reception } = draft.peerExample;
    if (isBlank(peerBrand))
      problem('peerExample.peerBrand', 'isNotEmpty', 'The peer brand is empty');
    if (isBlank(action)) {
      problem('peerExample.action', 'isNotEmpty', 'What the peer brand did is empty');
    }
    if (!isReception(reception)) {
      problem('peerExample.reception', 'isEnum', `${String(reception)} is not a reception`);
    }
  }
  if (expected === 'reaction' && isPresent(draft.reaction)) {
    if (!isReception(draft.reaction.reception)) {
      problem(
        'reaction.reception',
        'isEnum',
        `${String(draft.reaction.reception)} is not a reception`,
      );
    }
  }
  return problems;
}

type Report = (field: string, rule: string, message: string) => void;

function listeningProblems(listening: NonNullable<EvidenceDraft['listening']>, problem: Report) {
  const { query, periodStart, periodEnd, mentionCount } = listening;
  if (isBlank(query)) problem('listening.query', 'isNotEmpty', 'The listening query is empty');

  const startValid = isValidDate(periodStart);
  const endValid = isValidDate(periodEnd);
  if (!startValid) problem('listening.periodStart', 'isDate', 'The period start is not a date');
  if (!endValid) problem('listening.periodEnd', 'isDate', 'The period end is not a date');
  if (startValid && endValid && periodEnd.getTime() <= periodStart.getTime()) {
    problem(
      'listening.periodEnd',
      'after',
      `The period must end after it starts: it ends ${periodEnd.toISOString()} and starts ` +
        periodStart.toISOString(),
    );
  }

  if (!Number.isInteger(mentionCount) || mentionCount < 0) {
    problem(
      'listening.mentionCount',
      'nonNegative',
      `The mention count must be a whole number of 0 or more, not ${mentionCount}`,
    );
  }

  const shares = {
    positiveShare: listening.positiveShare,
    neutralShare: listening.neutralShare,
    negativeShare: listening.negativeShare,
  };
  let allFinite = true;
  for (const [name, share] of Object.entries(shares)) {
    if (!Number.isFinite(share)) allFinite = false;
    if (!(Number.isFinite(share) && share >= 0 && share <= 1)) {
      problem(`listening.${name}`, 'range', `${name} must be within 0..1, not ${share}`);
    }
  }
  // With a non-number among them the sum says nothing; the range problem already says what.
  if (allFinite) {
    const sum = shares.positiveShare + shares.neutralShare + shares.negativeShare;
    if (Math.abs(sum - 1) > SHARE_TOLERANCE + EPSILON) {
      problem(
        'listening',
        'sumsToOne',
        `The positive, neutral and negative shares must sum to 1 (± ${SHARE_TOLERANCE}); ` +
          `they sum to ${show(sum)}`,
      );
    }
  }
}

function surveyProblems(survey: NonNullable<EvidenceDraft['survey']>, problem: Report) {
  const { statistic, sampleSize, source } = survey;
  // The statistic is a percentage: "70% of consumers say ..." is 70.
  if (!(Number.isFinite(statistic) && statistic >= 0 && statistic <= 100)) {
    problem(
      'survey.statistic',
      'range',
      `The statistic is a percentage within 0..100, not ${statistic}`,
    );
  }
  if (isPresent(sampleSize) && !(Number.isInteger(sampleSize) && sampleSize > 0)) {
    problem(
      'survey.sampleSize',
      'positive',
      `The sample size must be a whole number above 0, not ${sampleSize}`,
    );
  }
  if (isBlank(source)) problem('survey.source', 'isNotEmpty', 'The survey source is empty');
}
