import { buildSchema, OperationDefinitionNode, parse } from 'graphql';
import { OperationCostMemo } from './operation-cost-memo';

describe('OperationCostMemo', () => {
  const schema = buildSchema('type Query { items(first: Int): [Int] }');
  const document = parse('query Items($first: Int) { items(first: $first) }');
  const operation = document.definitions[0] as OperationDefinitionNode;
  const price = jest.fn((_s, _d, _o, variables) => Number(variables?.first ?? 0));

  beforeEach(() => price.mockClear());

  it('prices a document with the same variables once', () => {
    const memo = new OperationCostMemo(price);
    expect(memo.cost(schema, document, operation, { first: 5 })).toBe(5);
    expect(memo.cost(schema, document, operation, { first: 5 })).toBe(5);
    expect(price).toHaveBeenCalledTimes(1);
  });

  it('prices other variables, and another document, afresh', () => {
    const memo = new OperationCostMemo(price);
    memo.cost(schema, document, operation, { first: 5 });
    expect(memo.cost(schema, document, operation, { first: 50 })).toBe(50);
    const again = parse('query Items($first: Int) { items(first: $first) }');
    memo.cost(schema, again, again.definitions[0] as OperationDefinitionNode, { first: 5 });
    expect(price).toHaveBeenCalledTimes(3);
  });

  it('remembers that variables do not coerce (undefined) as well as a cost', () => {
    const memo = new OperationCostMemo(jest.fn(() => undefined));
    expect(memo.cost(schema, document, operation, { first: 'x' })).toBeUndefined();
    expect(memo.cost(schema, document, operation, { first: 'x' })).toBeUndefined();
  });

  it('prices long variables every time, keeping no key of their size', () => {
    const memo = new OperationCostMemo(price);
    const long = { first: 1, text: 'x'.repeat(5_000) };
    memo.cost(schema, document, operation, long);
    memo.cost(schema, document, operation, long);
    expect(price).toHaveBeenCalledTimes(2);
  });
});
