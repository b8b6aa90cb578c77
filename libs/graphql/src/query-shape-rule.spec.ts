import { buildSchema, GraphQLError, parse, specifiedRules, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isQueryLimitRefusal,
  isTokenLimitError,
  PARSE_OPTIONS,
  QUERY_LIMITS,
} from './query-limits';
import { queryShapeRule } from './query-shape-rule';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema.gql'), 'utf8'));

/** The refusal the rule reports, or undefined when it lets the query through. */
function refusal(query: string): GraphQLError | undefined {
  const errors = validate(schema, parse(query), [...specifiedRules, queryShapeRule]);
  return errors.find(isQueryLimitRefusal);
}

/** `{ viewer { memberships { brand { members { user { memberships … } } } } } }`, `depth` deep. */
function depthQuery(depth: number): string {
  const path = ['viewer', 'memberships', 'brand', 'members', 'user'];
  const objects = Array.from({ length: depth - 1 }, (_, i) =>
    i === 0 ? 'viewer' : path[1 + ((i - 1) % 4)],
  );
  const leaf = ['memberships', 'members'].includes(objects.at(-1)!) ? 'roles' : 'id';
  return `{ ${objects.map((field) => `${field} { `).join('')}${leaf}${' }'.repeat(objects.length)} }`;
}

const repeat = (n: number, text: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => text(i)).join(' ');

describe('queryShapeRule', () => {
  it.each([
    [
      'aliases',
      (n: number) => `{ viewer { ${repeat(n, (i) => `a${i}: id`)} } }`,
      QUERY_LIMITS.aliases,
      'Alias count',
    ],
    [
      'aliases of __typename',
      (n: number) => `{ viewer { ${repeat(n, (i) => `a${i}: __typename`)} } }`,
      QUERY_LIMITS.aliases,
      'Alias count',
    ],
    [
      'root fields, a repeated one counting again',
      (n: number) => `{ ${repeat(n, () => '__typename')} }`,
      QUERY_LIMITS.rootFields,
      'Root field count',
    ],
    [
      'root fields through fragments',
      (n: number) =>
        `{ ...Roots } fragment Roots on Query { ... on Query { ${repeat(n, () => 'viewer { id }')} } }`,
      QUERY_LIMITS.rootFields,
      'Root field count',
    ],
    [
      'directives',
      (n: number) => `{ viewer { ${repeat(n, () => '__typename @include(if: true)')} } }`,
      QUERY_LIMITS.directives,
      'Directive count',
    ],
    ['depth', depthQuery, QUERY_LIMITS.depth, 'Query depth'],
  ])('refuses one more than the limit of %s, naming both figures', (_, query, limit, measure) => {
    const allowed = query(limit);
    expect(refusal(allowed)).toBeUndefined();
    expect(refusal(query(limit + 1))?.message).toBe(
      `${measure} ${limit + 1} exceeds the limit of ${limit}`,
    );
  });
});

describe('queryShapeRule, on documents that are also invalid', () => {
  it("refuses graphql-cop's directive overload, whose directives are also unknown", () => {
    expect(refusal('query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }')?.message).toBe(
      'Directive count 10 exceeds the limit of 5',
    );
  });

  it('measures fragments that spread each other without looping; validation then refuses them', () => {
    const cyclic =
      '{ ...A } fragment A on Query { viewer { id } ...B } fragment B on Query { ...A }';
    expect(refusal(cyclic)).toBeUndefined();
    expect(validate(schema, parse(cyclic), [queryShapeRule]).length).toBe(0);
    expect(validate(schema, parse(cyclic)).map((e) => e.message)).toEqual([
      expect.stringMatching(/Cannot spread fragment "A" within itself/),
    ]);
  });
});

describe('the token limit', () => {
  const tokens = (n: number) => `{ viewer { ${'id '.repeat(n - 5)}} }`;

  it('parses a document of exactly the limit and stops one token past it', () => {
    expect(() => parse(tokens(QUERY_LIMITS.tokens), PARSE_OPTIONS)).not.toThrow();
    let stopped: unknown;
    try {
      parse(tokens(QUERY_LIMITS.tokens + 1), PARSE_OPTIONS);
    } catch (error) {
      stopped = error;
    }
    // graphql-js's message is the only sign of it: this fails if a new version changes it.
    expect(isTokenLimitError(stopped)).toBe(true);
  });

  it('tells a syntax error from the token limit', () => {
    expect(() => parse('{ viewer { id }', PARSE_OPTIONS)).toThrow(GraphQLError);
    try {
      parse('{ viewer { id }', PARSE_OPTIONS);
    } catch (error) {
      expect(isTokenLimitError(error)).toBe(false);
    }
  });
});
