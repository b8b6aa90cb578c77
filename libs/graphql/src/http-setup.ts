import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, TrustProxy } from '@standpoint/config';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { raw } from 'express';
import helmet from 'helmet';
import proxyAddr from 'proxy-addr';
import { ApiErrorCode } from './api-error-code';

/**
 * The largest request body the server reads, and the largest WebSocket message. It admits the
 * largest legitimate request: a proposal with every channel's draft at its limit, each character
 * sent as a JSON `\uXXXX\uXXXX` surrogate pair (12 bytes for one emoji) — 71,686 characters,
 * 860,232 bytes — with room for the rest of the operation.
 */
export const REQUEST_BODY_LIMIT_BYTES = 1024 * 1024;

/** The routes whose handlers read the raw body: each Slack connection's request URLs. */
export const RAW_BODY_PATHS = ['/slack'];

/**
 * The HTTP side of every process that serves the API, production and tests alike: the client
 * address as TRUST_PROXY says, security headers on every response, the body limit, body errors in
 * the GraphQL error shape, no X-Powered-By. Call it before the application is initialised, so that
 * these come before every route.
 */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  // Behind a reverse proxy, `request.ip` is then the client, so per-address limits count clients.
  app.set('trust proxy', trustedProxies(config.trustProxy));
  // Pages that need more (the decision page, the printable record, the development mailbox) set
  // their own stricter Content-Security-Policy, which replaces this one.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      xFrameOptions: { action: 'deny' },
    }),
  );
  // Routes that check a signature over the bytes received (Slack's requests) get them as they came,
  // a Buffer; the parsers below then leave them alone.
  app.use(RAW_BODY_PATHS, raw({ type: () => true, limit: REQUEST_BODY_LIMIT_BYTES }));
  // Registered here, Nest's own parsers (100 KB) are not added.
  // SCIM clients send `application/scim+json` (RFC 7644 §3.1), which is JSON.
  app.useBodyParser('json', {
    limit: REQUEST_BODY_LIMIT_BYTES,
    type: ['application/json', 'application/scim+json'],
  });
  app.useBodyParser('urlencoded', { limit: REQUEST_BODY_LIMIT_BYTES, extended: true });
  app.use(answerBodyErrors);
}

/**
 * TRUST_PROXY as the function Express's 'trust proxy' and proxy-addr take: whether the hop at
 * `address`, `hop` steps from the server, may name the client before it.
 */
export function trustedProxies(trustProxy: TrustProxy): (address: string, hop: number) => boolean {
  if (typeof trustProxy === 'number') return (_, hop) => hop < trustProxy;
  return proxyAddr.compile(trustProxy ? [...trustProxy] : []);
}

/** A body that cannot be read (too large, not JSON, an unknown charset) answered as GraphQL does. */
function answerBodyErrors(error: unknown, _: Request, response: Response, next: NextFunction) {
  if (!isBodyError(error)) return next(error);
  const tooLarge = error.status === 413;
  answerGraphQLError(
    response,
    error.status,
    new GraphQLError(
      tooLarge
        ? `The request body is larger than the limit of ${REQUEST_BODY_LIMIT_BYTES.toLocaleString('en-US')} bytes`
        : `The request body could not be read: ${error.message}`,
      {
        extensions: {
          code: tooLarge ? ApiErrorCode.PAYLOAD_TOO_LARGE : ApiErrorCode.BAD_USER_INPUT,
        },
      },
    ),
  );
}

/** A request refused before GraphQL sees it, answered in GraphQL's error shape. */
export function answerGraphQLError(response: Response, status: number, error: GraphQLError): void {
  response.status(status).json({
    errors: [{ message: error.message, extensions: error.extensions }],
  });
}

/** body-parser's errors carry a `type` such as `entity.too.large` and a 4xx `status`. */
function isBodyError(error: unknown): error is { type: string; status: number; message: string } {
  const candidate = error as { type?: unknown; status?: unknown } | null;
  return (
    typeof candidate?.type === 'string' &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}
