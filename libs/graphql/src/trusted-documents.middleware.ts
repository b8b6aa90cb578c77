import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import type { NextFunction, Request, Response } from 'express';
import { answerGraphQLError } from './http-setup';
import { DocumentReference, trustedDocument } from './trusted-documents';

/**
 * GRAPHQL_TRUSTED_DOCUMENTS over HTTP, before Apollo Server reads the request: a POST body or GET
 * query string naming a trusted document gets its text as `query` (and loses the ids, which Apollo
 * would read as its own persisted queries, turned off in this mode); any other is answered with
 * HTTP 400 and one error, PERSISTED_QUERY_NOT_FOUND or DOCUMENT_NOT_TRUSTED. Without the setting,
 * it passes every request on.
 */
@Injectable()
export class TrustedDocumentsMiddleware implements NestMiddleware {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const documents = this.config.trustedDocuments;
    if (!documents || (request.method !== 'POST' && request.method !== 'GET')) return next();
    const fromQueryString = request.method === 'GET';
    const params = new URLSearchParams(request.url.split('?')[1] ?? '');
    const sent: Record<string, unknown> = fromQueryString
      ? { ...Object.fromEntries(params), extensions: jsonOrItself(params.get('extensions')) }
      : isObject(request.body)
        ? request.body
        : {};
    const text = trustedDocument(documents, sent as DocumentReference);
    if (typeof text !== 'string') return answerGraphQLError(response, 400, text);

    const extensions = isObject(sent.extensions)
      ? withoutPersistedQuery(sent.extensions)
      : undefined;
    if (fromQueryString) {
      params.set('query', text);
      params.delete('documentId');
      if (extensions) params.set('extensions', JSON.stringify(extensions));
      request.url = `${request.url.split('?')[0]}?${params}`;
    } else {
      const { documentId: _, ...rest } = sent;
      request.body = { ...rest, query: text, ...(extensions ? { extensions } : {}) };
    }
    next();
  }
}

function withoutPersistedQuery(extensions: Record<string, unknown>): Record<string, unknown> {
  const { persistedQuery: _, ...rest } = extensions;
  return rest;
}

/** A GET request's `extensions` is JSON text; what does not parse is left for Apollo to refuse. */
function jsonOrItself(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
