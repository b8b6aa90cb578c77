import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/** The request header that makes a mutation idempotent. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** How long a key is kept: for at least this long a retry with it gets the first answer. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

const MAX_KEY_LENGTH = 255;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Whose key it is: the hex SHA-256 of the request's Authorization header exactly as sent (only a
 * signed-in caller has keys: see IdempotencyPlugin). Two callers never share a key; the same user
 * with another token is another caller. The header itself is never stored.
 */
export function idempotencyScope(authorization: string | null | undefined): string {
  return sha256(`authorization:${authorization ?? ''}`);
}

export interface GraphQLRequestBody {
  query?: string | null;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/**
 * What makes a retry "the same request": the query text, the variables (as JSON values: their key
 * order does not matter; none is `{}`) and the operation name. The hex SHA-256 of their RFC 8785
 * canonical JSON.
 */
export function requestFingerprint(request: GraphQLRequestBody): string {
  return sha256(
    canonicalize({
      query: request.query ?? null,
      variables: request.variables ?? {},
      operationName: request.operationName ?? null,
    }) ?? '',
  );
}

/** What is wrong with a key, or undefined: a key is 1 to 255 visible ASCII characters. */
export function idempotencyKeyProblem(key: string): string | undefined {
  if (key.length < 1 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    return `${IDEMPOTENCY_HEADER} must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters, such as a UUID`;
  }
  return undefined;
}

/** Keys created before this moment have expired and are ignored. */
export function idempotencyCutoff(now: Date): Date {
  return new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
}

/** A key as stored: the claim that holds it and, once the first request has answered, its answer. */
export interface StoredIdempotencyKey {
  claimId: string;
  fingerprint: string;
  completedAt: Date | null;
  status: number | null;
  body: string | null;
}

export type ClaimOutcome =
  /** The key is this request's: perform it and record the answer. */
  | { kind: 'claimed' }
  /** The same request was answered before: send that answer again. */
  | { kind: 'replay'; status: number; body: string }
  /** The same request is still being performed. */
  | { kind: 'in-progress' }
  /** The key was used for another request. */
  | { kind: 'mismatch' };

/** What a request that tried to claim the key with `claimId` finds in the stored key. */
export function claimOutcome(
  stored: StoredIdempotencyKey,
  claimId: string,
  fingerprint: string,
): ClaimOutcome {
  if (stored.claimId === claimId) return { kind: 'claimed' };
  if (stored.fingerprint !== fingerprint) return { kind: 'mismatch' };
  if (stored.completedAt === null || stored.status === null || stored.body === null)
    return { kind: 'in-progress' };
  return { kind: 'replay', status: stored.status, body: stored.body };
}
