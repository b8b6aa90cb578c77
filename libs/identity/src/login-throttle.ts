import { Injectable } from '@nestjs/common';
import { RateLimiterMemory } from 'rate-limiter-flexible';

const FAILURES_ALLOWED = 10;
const WINDOW_SECONDS = 60;

/**
 * Counts failed sign-ins per account and per client address: after ten failures within a minute,
 * further attempts are refused before the password is even checked.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new RateLimiterMemory({
    points: FAILURES_ALLOWED,
    duration: WINDOW_SECONDS,
  });

  async isBlocked(email: string, address: string): Promise<boolean> {
    const counts = await Promise.all([this.failures.get(accountKey(email)), this.failures.get(addressKey(address))]);
    return counts.some((count) => (count?.consumedPoints ?? 0) >= FAILURES_ALLOWED);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.failures.penalty(accountKey(email), 1),
      this.failures.penalty(addressKey(address), 1),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.failures.delete(accountKey(email));
  }
}

const accountKey = (email: string) => `account:${email.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;
