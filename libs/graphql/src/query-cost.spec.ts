import { buildSchema, getOperationAST, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { costRefusal, operationCost, PRICES } from './query-cost';

// The served schema, as committed.
const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema.gql'), 'utf8'));

function cost(query: string, variables: Record<string, unknown> = {}): number | undefined {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables);
}

describe('operationCost', () => {
  it('charges nothing for scalars and 1 for each object', () => {
    expect(cost('{ viewer { id name email } }')).toBe(1);
    expect(cost('{ proposal(id: "p") { id author { name } brand { name } } }')).toBe(3);
  });

  it('charges a list its expected length times one item', () => {
    expect(cost('{ viewer { memberships { roles } } }')).toBe(1 + 10 * 1);
    expect(cost('{ viewer { memberships { brand { name } } } }')).toBe(1 + 10 * (1 + 1));
  });

  it('multiplies nested lists', () => {
    const twoLevels = '{ viewer { memberships { brand { members { user { id } } } } } }';
    expect(cost(twoLevels)).toBe(1 + 10 * (1 + 1 + 50 * (1 + 1)));
  });

  it('charges a connection by `first`, and by its default when `first` is absent or null', () => {
    const page = (first: string) =>
      `{ proposals(brandId: "b"${first}) { totalCount pageInfo { hasNextPage } edges { cursor node { id author { name } } } } }`;
    expect(cost(page(', first: 5'))).toBe(1 + 5 * 2);
    expect(cost(page(''))).toBe(1 + 20 * 2);
    expect(cost(page(', first: null'))).toBe(1 + 20 * 2);
    expect(cost('{ auditEvents(brandId: "b") { edges { node { seq } } } }')).toBe(10 + 1 + 50 * 1);
  });

  it('reads `first` from the variables', () => {
    const query =
      'query ($n: Int) { proposals(brandId: "b", first: $n) { edges { node { id } } } }';
    expect(cost(query, { n: 2 })).toBe(1 + 2);
    expect(cost(query, { n: 100 })).toBe(1 + 100);
  });

  it('adds the work of the heavy fields', () => {
    expect(cost('{ verifyAuditChain(brandId: "b") { valid } }')).toBe(4_000 + 1);
    expect(cost('{ isApprovedContent(brandId: "b", channel: X, body: "words") }')).toBe(100);
    expect(cost('{ proposal(id: "p") { decisionRecord { title } } }')).toBe(1 + 100 + 1);
    expect(cost('mutation { login(email: "a@b.c", password: "p") { token } }')).toBe(
      1_000 + 10 + 1,
    );
    expect(cost('mutation { addComment(input: {proposalId: "p", body: "b"}) { id } }')).toBe(
      10 + 1,
    );
    const search = (filter: string) =>
      cost(`{ proposals(brandId: "b", first: 1, filter: ${filter}) { edges { node { id } } } }`);
    expect(search('{ search: "net zero" }')).toBe(100 + 1 + 1);
    expect(search('{ search: "  " }')).toBe(1 + 1);
  });

  it('does not charge introspection, which reads the schema in memory', () => {
    expect(cost('{ __schema { types { fields { name } } } }')).toBe(0);
  });

  it('prices a subscription by what one event costs', () => {
    expect(cost('subscription { proposalEvents(brandId: "b") { action proposal { id } } }')).toBe(
      2,
    );
  });

  it('answers Infinity for an operation of more than 10,000 fields once fragments are expanded', () => {
    const fragments = Array.from(
      { length: 16 },
      (_, i) => `fragment F${i + 1} on User { ...F${i} ...F${i} }`,
    ).join('\n');
    const bomb = `{ viewer { ...F16 } }\nfragment F0 on User { id }\n${fragments}`;
    expect(cost(bomb)).toBe(Infinity);
  });

  it('answers undefined when the variables do not coerce (execution refuses those)', () => {
    const query = 'query ($n: Int) { proposals(brandId: "b", first: $n) { totalCount } }';
    expect(cost(query, { n: 'many' })).toBeUndefined();
  });

  it('prices a list the price list does not name at the default length', () => {
    const other = buildSchema('type Query { things: [Thing!]! } type Thing { id: ID! }');
    const document = parse('{ things { id } }');
    expect(operationCost(other, document, getOperationAST(document)!, {})).toBe(
      PRICES.defaultListLength,
    );
  });
});

describe('costRefusal', () => {
  it('refuses past the limit, naming the cost and the limit', () => {
    expect(costRefusal(10_000)).toBeUndefined();
    expect(costRefusal(undefined)).toBeUndefined();
    expect(costRefusal(48_200)?.message).toBe('Query cost 48,200 exceeds the limit of 10,000');
    expect(costRefusal(48_200)?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      maximum: 10_000,
      actual: 48_200,
    });
    expect(costRefusal(Infinity)?.message).toBe('Query cost exceeds the limit of 10,000');
  });
});
