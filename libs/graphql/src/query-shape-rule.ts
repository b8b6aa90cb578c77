import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  ASTVisitor,
  DocumentNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  validate,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { QUERY_LIMITS, QueryLimit, queryTooComplex } from './query-limits';

type ShapeLimit = Exclude<QueryLimit, 'tokens' | 'cost'>;

/**
 * The limits on an operation's shape (aliases, root fields, directives, depth), as a validation
 * rule: it reports the first limit the document exceeds as a QUERY_TOO_COMPLEX error, which the
 * transports then answer alone, whatever else validation found (QueryLimitsPlugin,
 * websocket-operation.ts). The shape does not depend on variables, so a document that passed once
 * may be cached as valid.
 *
 * GraphQL Armor's visitors measure; with an infinite `n` they never refuse by themselves and
 * report each operation's figure, so that this rule can refuse in one order with one message.
 * (Their own refusal throws out of validation, which Apollo Server 5 answers with HTTP 500.)
 */
export const queryShapeRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Document(document) {
    const refusal = shapeRefusal(context, document);
    if (refusal) context.reportError(refusal);
    return false;
  },
});

/** The first shape limit the document's worst operation exceeds, if any. */
function shapeRefusal(
  context: ValidationContext,
  document: DocumentNode,
): GraphQLError | undefined {
  const figures = measure(context, document);
  const over = (Object.keys(figures) as ShapeLimit[]).find(
    (limit) => figures[limit] > QUERY_LIMITS[limit],
  );
  return over && queryTooComplex(over, figures[over]);
}

function measure(context: ValidationContext, document: DocumentNode): Record<ShapeLimit, number> {
  // In the order a refusal names them: the cheapest to see first.
  const figures: Record<ShapeLimit, number> = {
    aliases: 0,
    rootFields: 0,
    directives: 0,
    depth: 0,
  };
  const record =
    (limit: ShapeLimit) =>
    (_: unknown, { n }: { n: number }): void => {
      figures[limit] = Math.max(figures[limit], n);
    };
  const measuring = { n: Infinity, propagateOnRejection: false };
  validate(context.getSchema(), document, [
    // __typename aliases count too: 101 aliased __typename is graphql-cop's overload probe.
    maxAliasesRule({ ...measuring, allowList: [], onAccept: [record('aliases')] }),
    maxDirectivesRule({ ...measuring, onAccept: [record('directives')] }),
    // Fragments are not levels of data: `... on Brand { id }` is as deep as `id`.
    maxDepthRule({ ...measuring, flattenFragments: true, onAccept: [record('depth')] }),
  ]);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION)
      figures.rootFields = Math.max(figures.rootFields, rootFieldCount(context, definition));
  }
  return figures;
}

/** The fields at the root of an operation as written, through its fragments (each spread once). */
function rootFieldCount(context: ValidationContext, operation: OperationDefinitionNode): number {
  const spread = new Set<string>();
  const count = (selectionSet: SelectionSetNode): number =>
    selectionSet.selections.reduce((total, selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return total + 1;
        case Kind.INLINE_FRAGMENT:
          return total + count(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const fragment = context.getFragment(selection.name.value);
          if (!fragment || spread.has(fragment.name.value)) return total;
          spread.add(fragment.name.value);
          return total + count(fragment.selectionSet);
        }
      }
    }, 0);
  return count(operation.selectionSet);
}
