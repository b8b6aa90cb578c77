import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import {
  GRAPHIQL_EXAMPLE_DOCUMENT,
  GRAPHIQL_EXAMPLE_VARIABLES,
  GRAPHIQL_HEADERS_TEMPLATE,
} from './graphiql-examples';
import { GRAPHQL_PATH } from './websocket-server';

/** The page and the hash its one inline script is admitted by. */
interface RenderedPage {
  html: Buffer;
  scriptHash: string;
}

/**
 * GraphiQL at GET /graphql for a browser, in development only (GraphqlApiModule does not apply it
 * in production). Everything it needs is inline in one page from @graphql-yoga/render-graphiql:
 * nothing loads from elsewhere, so it works offline. Any other request, a client's GET or POST
 * among them, goes on to the API.
 */
@Injectable()
export class GraphiqlPageMiddleware implements NestMiddleware {
  /** Rendered on the first request, then kept: 9 MB and half a second that no test start pays. */
  private page: Promise<RenderedPage> | undefined;

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    if (!prefersHtml(request)) return next();
    this.page ??= renderPage();
    const { html, scriptHash } = await this.page;
    response.setHeader('Content-Security-Policy', pagePolicy(scriptHash, request.get('host')));
    response.setHeader('Cache-Control', 'no-cache');
    response.type('html').send(html);
  }
}

/** A browser opening the address; not a client asking for JSON, or for any type (curl). */
function prefersHtml(request: Request): boolean {
  return (
    request.accepts(['application/graphql-response+json', 'application/json', 'text/html']) ===
    'text/html'
  );
}

async function renderPage(): Promise<RenderedPage> {
  // Loaded here, not at the top: production never loads the 9 MB bundle.
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const html = renderGraphiQL({
    title: 'Standpoint GraphQL IDE',
    endpoint: GRAPHQL_PATH,
    defaultTabs: [
      {
        query: GRAPHIQL_EXAMPLE_DOCUMENT,
        variables: GRAPHIQL_EXAMPLE_VARIABLES,
        headers: GRAPHIQL_HEADERS_TEMPLATE,
      },
    ],
    defaultHeaders: GRAPHIQL_HEADERS_TEMPLATE,
    // A token is a 12-hour credential: it stays in the tab, not in the browser's storage.
    shouldPersistHeaders: false,
    // Subscriptions on /graphql over WebSocket with graphql-transport-ws, as the API serves them.
    subscriptionsProtocol: 'WS',
  });
  return { html: Buffer.from(html), scriptHash: inlineScriptHash(html) };
}

/** The SHA-256 of the page's one inline script, as Content-Security-Policy names it. */
function inlineScriptHash(html: string): string {
  const start = html.indexOf('<script>') + '<script>'.length;
  const end = html.lastIndexOf('</script>');
  if (start < '<script>'.length || end < start) {
    throw new Error('The GraphiQL page has no inline script to admit');
  }
  return createHash('sha256').update(html.slice(start, end)).digest('base64');
}

/**
 * Content-Security-Policy of the IDE page alone (every other response keeps http-setup.ts's
 * `default-src 'none'`): its own inline script by hash, Monaco's workers from blob: URLs, inline
 * styles, fonts and images as data: URLs, and requests to this server only, over HTTP and
 * WebSocket (for subscriptions).
 */
function pagePolicy(scriptHash: string, host: string | undefined): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'font-src data:',
    'img-src data:',
    ['connect-src', "'self'", ...webSocketSources(host)].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * ws: and wss: to the host the page was opened at. `'self'` covers them in CSP Level 3, but not
 * in every browser. A Host header that is no plain host[:port] adds nothing.
 */
function webSocketSources(host: string | undefined): string[] {
  if (!host || !/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host)) return [];
  return [`ws://${host}`, `wss://${host}`];
}
