import { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { OperationCostMemo } from './operation-cost-memo';
import { costRefusal } from './query-cost';
import {
  httpRefusal,
  isQueryLimitRefusal,
  isTokenLimitError,
  QUERY_LIMITS,
  queryTooComplex,
} from './query-limits';

/** What a response tells the client about its operation's cost: `extensions.cost`. */
export interface CostExtension {
  requested: number;
  limit: number;
}

/**
 * The query limits over HTTP, around Apollo Server's own steps: the parser stops at the token limit
 * (`parseOptions`), validation reports the shape limits (queryShapeRule), and either refusal is
 * then answered alone, as one QUERY_TOO_COMPLEX error (HTTP 400, like every failed parse or
 * validation). The cost, which depends on the variables, is checked here for every request once
 * the operation is known, before anything runs, cached document or not. Every priced response
 * carries `extensions.cost`.
 */
@Plugin()
@Injectable()
export class QueryLimitsPlugin implements ApolloServerPlugin {
  private readonly costs = new OperationCostMemo();

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    let refusal: GraphQLError | undefined;
    let cost: CostExtension | undefined;
    return {
      parsingDidStart: async () => async (error) => {
        if (isTokenLimitError(error)) refusal = queryTooComplex('tokens');
      },
      validationDidStart: async () => async (errors) => {
        refusal = errors?.find(isQueryLimitRefusal);
      },
      didResolveOperation: async ({ schema, document, operation, request }) => {
        // Without one operation to run, execution answers an error and runs nothing.
        if (!operation) return;
        const requested = this.costs.cost(schema, document, operation, request.variables);
        if (requested !== undefined && Number.isFinite(requested))
          cost = { requested, limit: QUERY_LIMITS.cost };
        const refusal = costRefusal(requested);
        if (refusal) throw httpRefusal(refusal);
      },
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (refusal) result.errors = [{ message: refusal.message, extensions: refusal.extensions }];
        if (cost) result.extensions = { ...result.extensions, cost };
      },
    };
  }
}
