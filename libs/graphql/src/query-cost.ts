import {
  DocumentNode,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isLeafType,
  isListType,
  isObjectType,
  OperationDefinitionNode,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { QUERY_LIMITS, queryTooComplex } from './query-limits';

/**
 * The price list of the API, in one place. The unit is one object the server reads and sends
 * (roughly one row): a scalar or enum field is free, an object field costs 1, a list costs its
 * expected length times one item, a connection costs 1 and then `first` times one item (its
 * default when `first` is absent), so nested lists multiply. Fields that do more than read a row
 * add the work they do. An operation may cost QUERY_LIMITS.cost (query-limits.ts).
 */
export const PRICES = {
  /** A list this table does not name is expected to hold this many items. */
  defaultListLength: 20,
  /**
   * Lists that are not connections, by `Type.field`: how many items one typically holds. They are
   * not bounded by the API; a page of proposals multiplies them by its `first`.
   */
  listLengths: {
    'Query.brands': 20,
    'Query.webhookEndpoints': 10,
    'Brand.members': 50,
    'User.memberships': 10,
    'Proposal.approvalSteps': 5,
    'Proposal.comments': 10,
    'Proposal.decisions': 5,
    'Proposal.evidence': 10,
    'Proposal.recommendationHistory': 5,
    'Proposal.revisions': 5,
    'Proposal.riskNotes': 5,
    'ApprovalPolicy.steps': 5,
    'ApprovalStep.eligibleApprovers': 5,
    'Comment.mentions': 2,
    'ContentFreeze.allowedUsers': 10,
    // One draft per channel: seven at most.
    'Revision.drafts': 7,
    'RecordedRevision.drafts': 7,
    'RecordedRevision.changes': 7,
    // A line for each event of the proposal; a changed draft in runs of kept, added, removed words.
    'DecisionRecord.lines': 30,
    'DraftChange.parts': 20,
    'RecordedOverride.openRisks': 5,
  } as Readonly<Record<string, number>>,
  /** Work beyond the objects a field returns, by `Type.field`. */
  work: {
    // Reads the brand's whole audit chain and recomputes every hash, and the chain only grows:
    // two in one operation at most (200 of them took 12 s on a 713-event chain).
    'Query.verifyAuditChain': 4_000,
    // Reads every approved proposal of the brand and compares its current words.
    'Query.isApprovedContent': 100,
    // Reads the proposal's revisions, evidence, risk notes, decisions and audit events, and diffs
    // every revision against the one before, word by word.
    'Proposal.decisionRecord': 100,
    // A few stored tree nodes and events, and a checkpoint signed when the event is not sealed
    // yet (reading the events since the last one, at most CHECKPOINT_EVERY_EVENTS of them).
    'Query.auditEventProof': 50,
    'Query.auditConsistencyProof': 50,
    'DecisionRecordLine.proof': 50,
    // Counts the matching events before it reads a page; a filter may scan the brand's chain.
    'Query.auditEvents': 10,
    // Hashes the password (argon2: CPU- and memory-hard by design).
    'Mutation.login': 1_000,
  } as Readonly<Record<string, number>>,
  /** Every mutation is a transaction that writes rows and appends audit events. */
  mutation: 10,
  /** `filter.search` on a list of proposals: a scan of the text of every proposal of the brand. */
  textSearch: 100,
} as const;

/** Introspection reads the schema in memory, never the database; production refuses it. */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * The operation's cost by the price list; undefined when its variables do not coerce (execution
 * refuses those before anything runs). graphql-query-complexity walks the operation with
 * fragments expanded and throws past 10,000 fields, which this answers as Infinity.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
): number | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return undefined;
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables: variables ?? {},
      estimators: [fieldCost],
    });
  } catch {
    return Infinity;
  }
}

/** The refusal of an operation that costs more than the limit allows, if it does. */
export function costRefusal(cost: number | undefined): GraphQLError | undefined {
  if (cost === undefined || cost <= QUERY_LIMITS.cost) return undefined;
  return queryTooComplex('cost', Number.isFinite(cost) ? cost : undefined);
}

/** What one field costs, given what one of its items' selections costs (`childComplexity`). */
function fieldCost({
  type: parent,
  field,
  args,
  childComplexity,
}: ComplexityEstimatorArgs): number {
  if (INTROSPECTION_FIELDS.has(field.name)) return 0;
  const key = `${parent.name}.${field.name}`;
  const returned = getNamedType(field.type);
  const work =
    (PRICES.work[key] ?? 0) +
    (parent.name === 'Mutation' ? PRICES.mutation : 0) +
    (isConnection(returned) && typeof args.filter?.search === 'string' && args.filter.search.trim()
      ? PRICES.textSearch
      : 0);
  if (isLeafType(returned)) return work;
  // A connection's edges and page info are parts of the connection, not objects of their own.
  if (isConnection(parent)) return work + childComplexity;
  if (isConnection(returned)) return work + 1 + pageLength(field, args) * childComplexity;
  const items = isListType(getNullableType(field.type))
    ? (PRICES.listLengths[key] ?? PRICES.defaultListLength)
    : 1;
  return work + items * (1 + childComplexity);
}

/** A Relay connection: edges, page info and a total count. */
function isConnection(type: GraphQLNamedType): type is GraphQLObjectType {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

/** `first`, or the field's default for it when it is absent or null. */
function pageLength(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const first = args.first ?? field.args.find((arg) => arg.name === 'first')?.defaultValue;
  return typeof first === 'number' && first > 0 ? first : PRICES.defaultListLength;
}
