import { RateLimiterAbstract } from 'rate-limiter-flexible';
import { retryAfterSeconds, storedKey, tooManyRequests } from './rate-limit';
import { RateLimits } from './rate-limits.service';

/** How a BackOff spaces attempts out. */
export interface BackOffPolicy {
  /** Names its counters; one name per policy. */
  readonly name: string;
  /** Attempts that go ahead at once; the last of them starts the first delay. */
  readonly attemptsWithoutDelay: number;
  readonly firstDelaySeconds: number;
  /** The delay doubles after each attempt that went ahead, up to this. */
  readonly maxDelaySeconds: number;
  /** How long attempts are remembered, from the first. */
  readonly memorySeconds: number;
  /** What a refused client is told, before "try again in N seconds". */
  readonly refusal: string;
}

/**
 * Growing delays instead of a lock: past `attemptsWithoutDelay`, one attempt per delay goes ahead
 * and each one doubles the next delay. Every step is an atomic counter update, taken before the
 * attempt is evaluated, so parallel attempts cannot slip through together, and an attempt that is
 * refused does not lengthen the wait.
 *
 * Three counters per key: the attempts; the gate, whose window is the current delay (the attempt
 * that opens it goes ahead, the others within it are refused); the strikes, how many gates were
 * opened, which sets the next delay.
 */
export class BackOff {
  private readonly attempts: RateLimiterAbstract;
  private readonly gate: RateLimiterAbstract;
  private readonly strikes: RateLimiterAbstract;

  constructor(
    limits: RateLimits,
    private readonly policy: BackOffPolicy,
  ) {
    const counter = (part: string, durationSeconds: number) =>
      limits.counter({ name: `${policy.name}:${part}`, points: 1, durationSeconds });
    this.attempts = counter('attempts', policy.memorySeconds);
    this.gate = counter('gate', policy.firstDelaySeconds);
    this.strikes = counter('strikes', policy.memorySeconds);
  }

  /** Counts an attempt for `key`, or refuses it with TOO_MANY_REQUESTS and the seconds to wait. */
  async attempt(key: string): Promise<void> {
    const stored = storedKey(key);
    const attempt = await this.attempts.penalty(stored);
    if (attempt.consumedPoints < this.policy.attemptsWithoutDelay) return;
    const strikes = (await this.strikes.get(stored))?.consumedPoints ?? 0;
    const delay = Math.min(
      this.policy.firstDelaySeconds * 2 ** strikes,
      this.policy.maxDelaySeconds,
    );
    const gate = await this.gate.penalty(stored, 1, { customDuration: delay });
    if (gate.consumedPoints === 1) {
      await this.strikes.penalty(stored);
      return;
    }
    throw tooManyRequests(this.policy.refusal, retryAfterSeconds(gate.msBeforeNext));
  }

  /** Takes back one attempt of `key` (one that turned out well). */
  async giveBack(key: string): Promise<void> {
    await this.attempts.reward(storedKey(key));
  }

  /** Forgets every attempt of `key` and its delays. */
  async forget(key: string): Promise<void> {
    const stored = storedKey(key);
    for (const counter of [this.attempts, this.gate, this.strikes]) await counter.delete(stored);
  }
}
