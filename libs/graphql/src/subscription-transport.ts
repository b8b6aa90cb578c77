import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { ANONYMOUS, RequestContext } from '@standpoint/database';
import type { Context, ServerOptions } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Authenticator, bearerToken } from './authenticator';
import { SubscriptionRequest } from './subscription-request';

export type GraphqlWsOptions = GraphQLWsSubscriptionsConfig & Pick<ServerOptions, 'context'>;

/**
 * The WebSocket side of the API (`graphql-transport-ws` on the GraphQL path, served by
 * @nestjs/apollo's `subscriptions: { 'graphql-ws': … }` on the HTTP server's upgrade).
 *
 * A connection authenticates once, in `connection_init`, with the payload
 * `{ "authorization": "Bearer <token>" }`; without a valid token it is closed with 4403 Forbidden.
 * Each subscription then gets a SubscriptionRequest whose request context carries that user, read
 * again at subscribe time and for each event, so the usual guards and access rules apply.
 */
@Injectable()
export class SubscriptionTransport {
  private readonly tokens = new WeakMap<Context, string>();
  private authenticator: Authenticator | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  options(): GraphqlWsOptions {
    return {
      onConnect: (connection) => this.connect(connection),
      context: (connection) => this.subscriptionContext(connection),
    };
  }

  /** Accepts the connection when its `connection_init` carries a valid bearer token. */
  private async connect(connection: Context): Promise<boolean> {
    const params: Record<string, unknown> = connection.connectionParams ?? {};
    const token = bearerToken(params.authorization ?? params.Authorization);
    if (!token) return false;
    const ctx = new RequestContext(this.dataSource);
    if (!(await this.authenticate(ctx, token))) return false;
    this.tokens.set(connection, token);
    return true;
  }

  private async subscriptionContext(connection: Context): Promise<{ req: SubscriptionRequest }> {
    const token = this.tokens.get(connection);
    const correlationId = randomUUID();
    const req = await SubscriptionRequest.open(async () => {
      const ctx = new RequestContext(this.dataSource, correlationId);
      ctx.actor = (token && (await this.authenticate(ctx, token))) || ANONYMOUS;
      return ctx;
    });
    return { req };
  }

  private authenticate(ctx: RequestContext, token: string) {
    // The identity feature provides the Authenticator; infrastructure cannot import it, so it is
    // looked up in the application once a connection needs it.
    this.authenticator ??= this.moduleRef.get(Authenticator, { strict: false });
    if (!this.authenticator) throw new Error('No Authenticator is provided in this application');
    return this.authenticator.authenticate(ctx, token);
  }
}
