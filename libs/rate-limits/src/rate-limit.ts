import { DomainError } from '@standpoint/errors';
import { createHash } from 'node:crypto';

/** A budget: `points` per key within a window of `durationSeconds` that starts with its first use. */
export interface RateLimit {
  /** Names the counters (their key prefix); one name per limit. */
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
  /** What a refused client is told, before "try again in N seconds". */
  readonly refusal: string;
}

/** What a client is told to wait, in whole seconds and at least one, for `msBeforeNext`. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** TOO_MANY_REQUESTS with `extensions.retryAfterSeconds`. */
export function tooManyRequests(refusal: string, seconds: number): DomainError {
  return DomainError.tooManyRequests(
    `${refusal}; try again in ${seconds} second${seconds === 1 ? '' : 's'}`,
    seconds,
  );
}

/**
 * The stored form of a key: a digest, so counters hold no email or address and every key fits
 * the store's column whatever its length.
 */
export function storedKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}
