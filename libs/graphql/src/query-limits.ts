import { GraphQLError } from 'graphql';
import { ApiErrorCode } from './api-error-code';

/**
 * How much one GraphQL operation may ask for, in every mode, over HTTP and WebSocket alike
 * (docs/security/query-limits.md). An operation over any of them is refused before anything of it
 * runs, with one QUERY_TOO_COMPLEX error.
 */
export const QUERY_LIMITS = {
  /** Lexical tokens of the document, counted while it is parsed: it bounds all later work. */
  tokens: 1_000,
  /** Fields given an alias (`a: viewer`), __typename included. */
  aliases: 15,
  /** Fields selected at the root of the operation, as written (a repeated field counts again). */
  rootFields: 10,
  /** Directives used anywhere in the operation. */
  directives: 5,
  /** Nested selections: `{ viewer { memberships { brand { id } } } }` is 4 deep. */
  depth: 12,
  /** The operation's cost, priced by query-cost.ts. */
  cost: 10_000,
} as const;

export type QueryLimit = keyof typeof QUERY_LIMITS;

const MEASURES: Record<QueryLimit, string> = {
  tokens: 'Token count',
  aliases: 'Alias count',
  rootFields: 'Root field count',
  directives: 'Directive count',
  depth: 'Query depth',
  cost: 'Query cost',
};

/**
 * The refusal of an operation over `limit`: its message names the limit and the operation's
 * figure (`Query cost 48,200 exceeds the limit of 10,000`), its extensions say the same for
 * programs. `actual` is unknown only for tokens, whose count stops at the limit.
 */
export function queryTooComplex(limit: QueryLimit, actual?: number): GraphQLError {
  const maximum = QUERY_LIMITS[limit];
  const figure = actual === undefined ? '' : ` ${amount(actual)}`;
  return new GraphQLError(`${MEASURES[limit]}${figure} exceeds the limit of ${amount(maximum)}`, {
    extensions: {
      code: ApiErrorCode.QUERY_TOO_COMPLEX,
      limit,
      maximum,
      ...(actual === undefined ? {} : { actual }),
    },
  });
}

/** The same refusal, marked for Apollo Server to answer with HTTP 400. */
export function httpRefusal(refusal: GraphQLError): GraphQLError {
  return new GraphQLError(refusal.message, {
    extensions: { ...refusal.extensions, http: { status: 400 } },
  });
}

/** Whether an error is one of these refusals: the one error an operation is then answered with. */
export function isQueryLimitRefusal(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.extensions.code === ApiErrorCode.QUERY_TOO_COMPLEX;
}

/**
 * graphql-js's parser stops at `maxTokens` and says so in a syntax error, its only signal
 * ("more that" in graphql 16, "more than" once corrected).
 */
const TOKEN_LIMIT_MESSAGE = /Document contains more th(?:at|an) \d+ tokens/;

/** The options every operation is parsed with, whichever transport brought it. */
export const PARSE_OPTIONS = { maxTokens: QUERY_LIMITS.tokens } as const;

/** Whether a parse error is the token limit's rather than bad syntax. */
export function isTokenLimitError(error: unknown): boolean {
  return error instanceof GraphQLError && TOKEN_LIMIT_MESSAGE.test(error.message);
}

function amount(value: number): string {
  return value.toLocaleString('en-US');
}
