import { ListeningDateFormat } from './listening-dates';

/** How the sentiment column writes it: words ("Positive") or a signed score (-5 … 5). */
export enum SentimentValues {
  LABELS = 'LABELS',
  SIGNED = 'SIGNED',
}

/**
 * Which columns of an export say what (by their header, compared without case or surrounding
 * spaces). A row is either one mention (no `mentions` column) or a count of mentions; its
 * sentiment is either one column (`sentiment`) or three counts (`positive`, `neutral`, `negative`).
 */
export interface ListeningMapping {
  date: string;
  dateFormat: ListeningDateFormat;
  /** The mentions a row counts; without it, each row is one mention. */
  mentions?: string;
  sentiment?: string;
  sentimentValues?: SentimentValues;
  /** Labels of mentions the tool did not rate: counted as mentions, left out of the shares. */
  unratedLabels?: string[];
  positive?: string;
  neutral?: string;
  negative?: string;
  /** A column listing the row's terms (keywords, hashtags), separated by `termSeparator`. */
  terms?: string;
  termSeparator?: string;
  delimiter?: string;
  /** Labels of the lines above the table that name the query ("Query Name:"). */
  queryLabels?: string[];
}

export interface MappingProblem {
  field: string;
  message: string;
}

/** The mapping's fields that name a column. */
export const MAPPED_COLUMNS = [
  'date',
  'mentions',
  'sentiment',
  'positive',
  'neutral',
  'negative',
  'terms',
] as const;
export type MappedColumn = (typeof MAPPED_COLUMNS)[number];
const DELIMITERS = [',', ';', '\t', '|'];
const KNOWN_FIELDS = new Set<string>([
  ...MAPPED_COLUMNS,
  'dateFormat',
  'sentimentValues',
  'unratedLabels',
  'termSeparator',
  'delimiter',
  'queryLabels',
]);

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';
const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Everything wrong with a column mapping given by a person (a JSON file, a request parameter); an
 * empty list means it is a ListeningMapping.
 */
export function mappingProblems(value: unknown): MappingProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: 'mapping', message: 'The mapping is a JSON object of column names' }];
  }
  const mapping = value as Record<string, unknown>;
  const problems: MappingProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });

  for (const field of Object.keys(mapping)) {
    if (!KNOWN_FIELDS.has(field)) problem(field, `${field} is not a mapping field`);
  }
  for (const field of MAPPED_COLUMNS) {
    if (mapping[field] !== undefined && !isText(mapping[field])) {
      problem(field, `${field} names a column: a text that is not blank`);
    }
  }
  if (mapping.date === undefined) problem('date', 'Name the date column');
  if (!Object.values<unknown>(ListeningDateFormat).includes(mapping.dateFormat)) {
    problem('dateFormat', `dateFormat is one of ${Object.values(ListeningDateFormat).join(', ')}`);
  }
  const counts = ['positive', 'neutral', 'negative'].filter((f) => mapping[f] !== undefined);
  if (mapping.sentiment === undefined && counts.length !== 3) {
    problem(
      'sentiment',
      'Name the sentiment column, or the three columns positive, neutral and negative',
    );
  }
  if (mapping.sentiment !== undefined && counts.length > 0) {
    problem('sentiment', 'Name either the sentiment column or the three count columns, not both');
  }
  if (
    mapping.sentimentValues !== undefined &&
    !Object.values<unknown>(SentimentValues).includes(mapping.sentimentValues)
  ) {
    problem('sentimentValues', `sentimentValues is ${Object.values(SentimentValues).join(' or ')}`);
  }
  for (const field of ['unratedLabels', 'queryLabels']) {
    if (mapping[field] !== undefined && !isTextList(mapping[field])) {
      problem(field, `${field} is a list of texts`);
    }
  }
  if (mapping.termSeparator !== undefined && !isText(mapping.termSeparator)) {
    problem('termSeparator', 'termSeparator is a text that is not blank');
  }
  if (mapping.delimiter !== undefined && !DELIMITERS.includes(mapping.delimiter as string)) {
    problem('delimiter', 'delimiter is one of , ; | or a tab');
  }
  return problems;
}
