import { GraphQLScalarType, Kind } from 'graphql';
import isRFC3339 from 'validator/lib/isRFC3339';
import { InvalidScalarInput } from './invalid-scalar-input';

/** Longer than any RFC 3339 date-time needs (nanoseconds and an offset take 35). */
const MAX_LENGTH = 64;
/** The instants both databases store and toISOString writes with a four-digit year. */
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

const EXPECTED =
  'an RFC 3339 date-time with its offset, such as 2026-06-01T09:00:00Z or 2026-06-01T11:00:00+02:00, on a real calendar day between the years 0001 and 9999';

/**
 * The instant an RFC 3339 date-time names, or undefined: the offset (`Z` or `±hh:mm`) is required,
 * since an instant without one depends on the server's time zone, and the day must exist (the
 * JavaScript Date quietly turns 31 April into 1 May).
 */
export function parseDateTime(text: string): Date | undefined {
  if (text.length > MAX_LENGTH || !isRFC3339(text)) return undefined;
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  if (day > daysInMonth(year, month)) return undefined;
  // A leap second (:60) is an Invalid Date here, and NaN is in no range.
  const at = new Date(text.toUpperCase().replace(' ', 'T'));
  return at.getTime() >= EARLIEST && at.getTime() <= LATEST ? at : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function dateTimeOf(value: unknown): Date {
  const at = typeof value === 'string' ? parseDateTime(value) : undefined;
  if (!at) throw new InvalidScalarInput(`DateTime must be ${EXPECTED}`);
  return at;
}

/**
 * `DateTime`, replacing Nest's own (which turns any string into a Date, "asap" included, and lets
 * an Invalid Date reach the database). Input is checked by `parseDateTime`, in literals and in
 * variables alike; output is exactly as before: `toISOString()`, always UTC with milliseconds.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string | null>({
  name: 'DateTime',
  description: `An instant, given as ${EXPECTED}. Answers are in UTC with milliseconds: 2026-06-01T09:00:00.000Z.`,
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseValue: dateTimeOf,
  parseLiteral: (ast) => dateTimeOf(ast.kind === Kind.STRING ? ast.value : undefined),
});
