import {
  ExecutionArgs,
  getOperationAST,
  GraphQLError,
  GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { costRefusal, operationCost } from './query-cost';
import {
  isQueryLimitRefusal,
  isTokenLimitError,
  PARSE_OPTIONS,
  queryTooComplex,
} from './query-limits';
import { queryShapeRule } from './query-shape-rule';

/**
 * An operation sent over WebSocket, checked as Apollo Server checks one sent over HTTP, before
 * anything of it runs: parsed within the token limit, validated with the shape limits (and, in
 * production, without introspection or field suggestions), priced. Answers the arguments to run
 * it, or the errors to answer instead (graphql-ws's `onSubscribe` contract).
 */
export function checkedOperation(
  schema: GraphQLSchema,
  payload: SubscribePayload,
  production: boolean,
): ExecutionArgs | readonly GraphQLError[] {
  let document;
  try {
    document = parse(payload.query, PARSE_OPTIONS);
  } catch (error) {
    if (isTokenLimitError(error)) return [queryTooComplex('tokens')];
    if (error instanceof GraphQLError) return [error];
    throw error;
  }

  const problems = validate(schema, document, [
    ...specifiedRules,
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
    queryShapeRule,
  ]);
  const refusal = problems.find(isQueryLimitRefusal);
  if (refusal) return [refusal];
  if (problems.length > 0) return production ? problems.map(withoutSuggestions) : problems;

  const args: ExecutionArgs = {
    schema,
    document,
    operationName: payload.operationName,
    variableValues: payload.variables,
  };
  const operation = getOperationAST(document, payload.operationName);
  // Without one operation to run, graphql-ws answers that itself.
  if (!operation) return args;
  const tooCostly = costRefusal(operationCost(schema, document, operation, payload.variables));
  return tooCostly ? [tooCostly] : args;
}

/** As Apollo Server's hideSchemaDetailsFromClientErrors does over HTTP. */
function withoutSuggestions(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message.replace(/ ?Did you mean(.+?)\?$/, ''), {
    nodes: error.nodes,
    extensions: error.extensions,
  });
}
