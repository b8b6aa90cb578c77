/** No wait between attempts grows beyond this, however many attempts failed. */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60 * 1000;

/** Each delay is spread over ±JITTER of itself, so messages that failed together retry apart. */
export const JITTER = 0.25;

/**
 * How long to wait before the next attempt after `failedAttempts` attempts failed (1 or more):
 * `baseMs * 2^(failedAttempts-1)`, spread by the jitter and capped. `random` is in [0, 1).
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, random: number): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) {
    throw new RangeError(`failedAttempts must be a whole number from 1 (got ${failedAttempts})`);
  }
  const exponential = Math.min(baseMs * 2 ** (failedAttempts - 1), MAX_RETRY_DELAY_MS);
  const spread = 1 - JITTER + 2 * JITTER * random;
  return Math.round(exponential * spread);
}

/** What becomes of a message whose attempt failed. */
export type AfterFailure = { dead: true } | { dead: false; retryInMs: number };

/** Dead once the attempts are used up or the failure is permanent; otherwise tried again later. */
export function afterFailure(
  failedAttempts: number,
  limits: { maxAttempts: number; retryBaseMs: number },
  permanent: boolean,
  random: number,
): AfterFailure {
  if (permanent || failedAttempts >= limits.maxAttempts) return { dead: true };
  return { dead: false, retryInMs: retryDelayMs(failedAttempts, limits.retryBaseMs, random) };
}
