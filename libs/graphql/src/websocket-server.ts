import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import type { Disposable } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import proxyAddr from 'proxy-addr';
import { WebSocketServer } from 'ws';
import { ConnectionCaps, TRY_AGAIN_LATER } from './connection-caps';
import { REQUEST_BODY_LIMIT_BYTES, trustedProxies } from './http-setup';
import { SubscriptionTransport } from './subscription-transport';

/** The path of the API, over HTTP and WebSocket. */
export const GRAPHQL_PATH = '/graphql';

/**
 * The WebSocket endpoint of the API: graphql-transport-ws (SubscriptionTransport) on the GraphQL
 * path, through the HTTP server's upgrade. It is ours rather than @nestjs/graphql's, which builds
 * its `ws` server with a path only: `ws` would then read messages of up to 100 MiB, from anyone,
 * before graphql-ws looks at them. Here a message larger than the HTTP body limit ends the
 * connection (1009) as soon as its length is announced, and each client address (as TRUST_PROXY
 * lets the process see it) holds at most
 * the configured number of connections (more are closed with 1013 Try Again Later).
 */
@Injectable()
export class GraphqlWebSocketServer implements OnApplicationBootstrap, OnModuleDestroy {
  private stop: (() => Promise<void>) | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly transport: SubscriptionTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const httpServer: Server | undefined = this.adapterHost.httpAdapter?.getHttpServer();
    if (!httpServer) return;
    const sockets = new WebSocketServer({ noServer: true, maxPayload: REQUEST_BODY_LIMIT_BYTES });
    const graphqlWs: Disposable = useServer(
      this.transport.options(this.schemaHost.schema),
      sockets,
    );
    const addresses = new ConnectionCaps(this.config.websocket.maxConnectionsPerAddress);
    // The client's address as HTTP requests see it (`request.ip`), TRUST_PROXY included.
    const trusted = trustedProxies(this.config.trustProxy);
    const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(request.url ?? '/', 'http://localhost').pathname !== GRAPHQL_PATH) {
        socket.destroy();
        return;
      }
      sockets.handleUpgrade(request, socket, head, (connection) => {
        const release = addresses.claim(proxyAddr(request, trusted));
        if (!release) {
          connection.close(
            TRY_AGAIN_LATER,
            `Too many connections from this address (at most ${addresses.max})`,
          );
          return;
        }
        connection.once('close', release);
        sockets.emit('connection', connection, request);
      });
    };
    httpServer.on('upgrade', upgrade);
    this.stop = async () => {
      httpServer.off('upgrade', upgrade);
      await graphqlWs.dispose();
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop?.();
  }
}
