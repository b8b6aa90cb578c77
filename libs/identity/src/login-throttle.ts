import { Injectable } from '@nestjs/common';
import { RateLimiterMemory } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 60;
/** Failed sign-ins allowed per account within the window; the next attempt is refused. */
export const ACCOUNT_FAILURES_ALLOWED = 10;
/** Per client address, higher: one office or network may hold many people. */
export const ADDRESS_FAILURES_ALLOWED = 30;

/**
 * Counts failed sign-ins per account and per client address within a minute; past the limit,
 * attempts are refused before the password is even checked, so guessing gains nothing.
 */
@Injectable()
export class LoginThrottle {
  private readonly accountFailures = new RateLimiterMemory({
    points: ACCOUNT_FAILURES_ALLOWED,
    duration: WINDOW_SECONDS,
  });
  private readonly addressFailures = new RateLimiterMemory({
    points: ADDRESS_FAILURES_ALLOWED,
    duration: WINDOW_SECONDS,
  });

  async isBlocked(email: string, address: string): Promise<boolean> {
    const [account, client] = [
      await this.accountFailures.get(email),
      await this.addressFailures.get(address),
    ];
    return (
      (account?.consumedPoints ?? 0) >= ACCOUNT_FAILURES_ALLOWED ||
      (client?.consumedPoints ?? 0) >= ADDRESS_FAILURES_ALLOWED
    );
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.accountFailures.penalty(email, 1);
    await this.addressFailures.penalty(address, 1);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.accountFailures.delete(email);
  }
}
