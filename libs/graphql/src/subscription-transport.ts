import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { ANONYMOUS, RequestContext } from '@standpoint/database';
import { GraphQLSchema } from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Authenticator, bearerToken } from './authenticator';
import { ConnectionCaps, TRY_AGAIN_LATER } from './connection-caps';
import { SubscriptionRequest } from './subscription-request';
import { trustedDocument } from './trusted-documents';
import { checkedOperation } from './websocket-operation';

export type WebSocketConnection = Context<Record<string, unknown>, Extra>;

/**
 * The graphql-transport-ws protocol of the API (served by GraphqlWebSocketServer).
 *
 * A connection authenticates once, in `connection_init`, with the payload
 * `{ "authorization": "Bearer <token>" }`; without a valid token it is closed with 4403 Forbidden,
 * and a user who already holds the configured number of connections is closed with 1013 Try Again
 * Later. Under GRAPHQL_TRUSTED_DOCUMENTS an operation runs only as a trusted document, named as
 * over HTTP (trusted-documents.ts). Each operation is checked like one over HTTP
 * (websocket-operation.ts), then gets a SubscriptionRequest whose request context carries that
 * user, read again at subscribe time and for each event, so the usual guards and access rules
 * apply.
 */
@Injectable()
export class SubscriptionTransport {
  private readonly tokens = new WeakMap<WebSocketConnection, string>();
  private readonly users: ConnectionCaps;
  private authenticator: Authenticator | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.users = new ConnectionCaps(config.websocket.maxConnectionsPerUser);
  }

  options(schema: GraphQLSchema): ServerOptions<Record<string, unknown>, Extra> {
    return {
      schema,
      connectionInitWaitTimeout: this.config.websocket.connectionInitTimeoutMs,
      onConnect: (connection) => this.connect(connection),
      onSubscribe: (_connection, _id, payload) => {
        const documents = this.config.trustedDocuments;
        if (!documents) return checkedOperation(schema, payload, this.config.production);
        // graphql-ws requires a `query` string: a client naming a trusted document sends "".
        const query = trustedDocument(documents, payload);
        if (typeof query !== 'string') return [query];
        return checkedOperation(schema, { ...payload, query }, this.config.production);
      },
      context: (connection) => this.subscriptionContext(connection),
    };
  }

  /** Accepts the connection when its `connection_init` carries a valid bearer token. */
  private async connect(connection: WebSocketConnection): Promise<boolean> {
    const params: Record<string, unknown> = connection.connectionParams ?? {};
    const token = bearerToken(params.authorization ?? params.Authorization);
    if (!token) return false;
    const ctx = new RequestContext(this.dataSource);
    const user = await this.authenticate(ctx, token);
    if (!user) return false;
    const { socket } = connection.extra;
    // Gone while it was authenticated: it holds no place, nor would its close give one back.
    if (socket.readyState !== socket.OPEN) return false;
    const release = this.users.claim(user.userId);
    if (!release) {
      // Closed here with its own code; graphql-ws's 4403 that follows finds the socket closing.
      socket.close(
        TRY_AGAIN_LATER,
        `Too many connections for this user (at most ${this.users.max})`,
      );
      return false;
    }
    socket.once('close', release);
    this.tokens.set(connection, token);
    return true;
  }

  private async subscriptionContext(
    connection: WebSocketConnection,
  ): Promise<{ req: SubscriptionRequest }> {
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
