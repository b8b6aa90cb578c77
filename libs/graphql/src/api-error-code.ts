import { RefusalCode } from '@standpoint/errors';

/**
 * The `extensions.code` of a GraphQL error; stable, clients branch on it. The domain's refusals
 * (@standpoint/errors) and the answers only this layer gives.
 */
export const ApiErrorCode = {
  ...RefusalCode,
  /** The operation is too deep, too costly or too wide to run (query-limits.ts); HTTP 400. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The request body is larger than the server reads (http-setup.ts); HTTP 413. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];
