import {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContext,
  GraphQLRequestListener,
  GraphQLResponse,
  HeaderMap,
} from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Authenticator, bearerToken } from './authenticator';
import { selectsCredentials } from './credentials';
import { ApiErrorCode } from './api-error-code';
import {
  IDEMPOTENCY_HEADER,
  idempotencyKeyProblem,
  idempotencyScope,
  requestFingerprint,
} from './idempotency';
import { IdempotencyClaim, IdempotencyStore } from './idempotency-store';
import type { RequestWithContext } from './request-context.decorator';

/** The response header that marks a replayed answer. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/**
 * `Idempotency-Key` for mutations: the first request with a key is performed and its answer kept;
 * a retry with the same key and the same query, variables and operation name gets that answer
 * again (same HTTP status, same JSON body) without being performed; the same key with another
 * request is refused (422, BAD_USER_INPUT), and so is a retry while the first is still running
 * (409, CONFLICT). Keys are per caller (see idempotencyScope) and kept 24 hours. Queries and
 * requests without the header are not affected.
 *
 * Only a signed-in caller (a valid access token) has keys: for anyone else the header is ignored,
 * so that strangers cannot fill the table, and an expired token still gets its UNAUTHENTICATED
 * answer rather than a complaint about the header. An operation that selects a credential (the
 * token `login` answers) is never kept either: a retry signs in again.
 *
 * An Apollo Server plugin rather than a Nest interceptor: an interceptor wraps one resolver field
 * at a time and never sees the response, while the plugin sees the request as sent (its headers,
 * its body, the operation's type once parsed), can answer it without executing anything
 * (`responseForOperation`) and sees the complete, formatted answer and its status
 * (`willSendResponse`). That is what an exact replay of the first answer needs.
 */
@Plugin()
@Injectable()
export class IdempotencyPlugin implements ApolloServerPlugin {
  private readonly logger = new Logger('Idempotency');
  private authenticator: Authenticator | undefined;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly moduleRef: ModuleRef,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    let claim: IdempotencyClaim | undefined;
    return {
      responseForOperation: async (request) => {
        if (request.operation?.operation !== 'mutation') return null;
        const headers = request.request.http?.headers;
        const key = headers?.get(IDEMPOTENCY_HEADER.toLowerCase());
        if (key === undefined) return null;
        if (selectsCredentials(request.schema, request.document)) return null;
        if (!(await this.signedIn(request))) return null;
        const problem = idempotencyKeyProblem(key);
        if (problem) return refusal(400, ApiErrorCode.BAD_USER_INPUT, problem);
        const { outcome, claim: attempt } = await this.store.claim(
          idempotencyScope(headers?.get('authorization')),
          key,
          requestFingerprint({
            query: request.source ?? request.request.query,
            variables: request.request.variables,
            operationName: request.request.operationName,
          }),
        );
        switch (outcome.kind) {
          case 'claimed':
            claim = attempt;
            return null;
          case 'replay':
            return {
              body: { kind: 'single', singleResult: JSON.parse(outcome.body) },
              http: {
                status: outcome.status,
                headers: new HeaderMap([[IDEMPOTENT_REPLAYED_HEADER, 'true']]),
              },
            };
          case 'in-progress':
            return refusal(
              409,
              ApiErrorCode.CONFLICT,
              `A request with this ${IDEMPOTENCY_HEADER} is still being performed; retry once it has answered`,
            );
          case 'mismatch':
            return refusal(
              422,
              ApiErrorCode.BAD_USER_INPUT,
              `This ${IDEMPOTENCY_HEADER} was already used for another request (another query, variables or operation name); use a new key for a new request`,
            );
        }
      },
      willSendResponse: async (request) => {
        if (!claim) return;
        // Every plugin's willSendResponse starts at once; by the time this one has waited a tick,
        // the others have set the final status (Nest's own plugin resets it when there is data).
        await Promise.resolve();
        await this.record(claim, request).catch((error: unknown) =>
          this.logger.error(
            `Could not record the answer for an ${IDEMPOTENCY_HEADER}: ${
              error instanceof Error ? error.message : String(error)
            }`,
          ),
        );
      },
    };
  }

  /** Authenticates the caller as the guard would, and keeps the actor on the request context. */
  private async signedIn(request: GraphQLRequestContext<BaseContext>): Promise<boolean> {
    const token = bearerToken(request.request.http?.headers.get('authorization'));
    const ctx = (request.contextValue as { req?: RequestWithContext }).req?.requestContext;
    if (!token || !ctx) return false;
    if (ctx.actor.kind === 'anonymous') {
      // The identity feature provides the Authenticator; infrastructure cannot import it.
      const authenticator = (this.authenticator ??= this.moduleRef.get(Authenticator, {
        strict: false,
      }));
      if (!authenticator) throw new Error('No Authenticator is provided in this application');
      ctx.actor = (await authenticator.authenticate(ctx, token)) ?? ctx.actor;
    }
    return ctx.actor.kind === 'user';
  }

  private async record(
    claim: IdempotencyClaim,
    request: GraphQLRequestContext<BaseContext>,
  ): Promise<void> {
    const body = request.response.body;
    if (body?.kind !== 'single') return this.store.release(claim);
    const { errors, data, extensions } = body.singleResult;
    // In the order Apollo Server writes them, so the stored text is the text that was sent.
    const json = JSON.stringify({ errors, data, extensions });
    await this.store.complete(claim, request.response.http.status ?? 200, json);
  }
}

function refusal(status: number, code: ApiErrorCode, message: string): GraphQLResponse {
  return {
    body: {
      kind: 'single',
      singleResult: { errors: [{ message, extensions: { code, header: IDEMPOTENCY_HEADER } }] },
    },
    http: { status, headers: new HeaderMap() },
  };
}
