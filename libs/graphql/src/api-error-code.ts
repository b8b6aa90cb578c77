import { RefusalCode } from '@standpoint/errors';

/**
 * The `extensions.code` of a GraphQL error; stable, clients branch on it. The domain's refusals
 * (@standpoint/errors) and the answers only this layer gives.
 */
export const ApiErrorCode = {
  ...RefusalCode,
  /** The operation is too deep, too costly or too wide to run (query-limits.ts); HTTP 400. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /**
   * Under GRAPHQL_TRUSTED_DOCUMENTS, a `documentId` (or Apollo's persistedQuery hash) the manifest
   * lacks (trusted-documents.ts); HTTP 400. Apollo's clients answer it by sending the text.
   */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** Under GRAPHQL_TRUSTED_DOCUMENTS, a document that is not in the manifest; HTTP 400. */
  DOCUMENT_NOT_TRUSTED: 'DOCUMENT_NOT_TRUSTED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];
