import { SentimentValues } from './listening-mapping';

export type Sentiment = 'positive' | 'neutral' | 'negative' | 'unrated';

// Thousands grouped by a comma, a dot, a space (also non-breaking) or an apostrophe: 1,204 1.204 1 204.
const GROUPED = /^\d{1,3}(?:([,. \u00a0\u202f'])\d{3})(?:\1\d{3})*$/;

/** A count of mentions as exports write it ("1,204", "1204"), or undefined if it is none. */
export function parseCount(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (GROUPED.test(trimmed)) return Number(trimmed.replace(/\D/g, ''));
  return undefined;
}

/**
 * The sentiment a cell says: a label (Positive, neutral…, or one of `unratedLabels`) or a signed
 * score (above 0 positive, 0 neutral, below 0 negative); undefined if it says none of these.
 */
export function parseSentiment(
  text: string,
  values: SentimentValues,
  unratedLabels: readonly string[],
): Sentiment | undefined {
  const cell = text.trim();
  if (unratedLabels.some((label) => label.trim().toLowerCase() === cell.toLowerCase())) {
    return 'unrated';
  }
  if (values === SentimentValues.SIGNED) {
    if (!/^[+-]?\d+(?:\.\d+)?$/.test(cell)) return undefined;
    const score = Number(cell);
    return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
  }
  const label = cell.toLowerCase();
  return label === 'positive' || label === 'neutral' || label === 'negative' ? label : undefined;
}

/** The distinct terms of a cell ("#Acme, #recall"), lower-cased, in their order. */
export function splitTerms(text: string, separator: string): string[] {
  const terms = text
    .split(separator)
    .map((term) => term.trim().toLowerCase())
    .filter((term) => term !== '');
  return [...new Set(terms)];
}
