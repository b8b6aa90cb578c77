import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { operationCost } from './query-cost';

/** Variables longer than this as JSON (a mutation's text) are priced afresh: keys stay small. */
const MAX_KEY_LENGTH = 2_000;
/** Sets of variables remembered per document; the oldest is forgotten first. */
const MAX_PER_DOCUMENT = 100;

/**
 * The cost of an operation, priced once per document and set of variables: the price is a pure
 * function of them (and of the schema, fixed for the process), and walking the operation took 2%
 * of the CPU of a page of proposals. Apollo Server keeps one parsed document per query text, so
 * the same query asked again finds its costs under the same document; a document it evicts takes
 * its costs with it.
 */
export class OperationCostMemo {
  private readonly costs = new WeakMap<DocumentNode, Map<string, number | undefined>>();

  constructor(private readonly price: typeof operationCost = operationCost) {}

  cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
  ): number | undefined {
    const key = `${operation.name?.value ?? ''}:${JSON.stringify(variables ?? {})}`;
    if (key.length > MAX_KEY_LENGTH) return this.price(schema, document, operation, variables);
    let known = this.costs.get(document);
    if (!known) this.costs.set(document, (known = new Map()));
    if (known.has(key)) return known.get(key);
    const cost = this.price(schema, document, operation, variables);
    if (known.size >= MAX_PER_DOCUMENT) known.delete(known.keys().next().value!);
    known.set(key, cost);
    return cost;
  }
}
