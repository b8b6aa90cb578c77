import { Injectable } from '@nestjs/common';
import { BackOff, BackOffPolicy, RateLimits } from '@standpoint/rate-limits';

const REFUSAL = 'Too many sign-in attempts';
const HOUR = 60 * 60;

/** Attempts at one account from one address: a person mistyping, or someone guessing. */
export const ACCOUNT_AND_ADDRESS_POLICY: BackOffPolicy = {
  name: 'sign-in:account-address',
  attemptsWithoutDelay: 5,
  firstDelaySeconds: 10,
  maxDelaySeconds: 15 * 60,
  memorySeconds: HOUR,
  refusal: REFUSAL,
};

/** Attempts from one address at any account, higher: one office may hold many people. */
export const ADDRESS_POLICY: BackOffPolicy = {
  ...ACCOUNT_AND_ADDRESS_POLICY,
  name: 'sign-in:address',
  attemptsWithoutDelay: 30,
};

/**
 * Spaces out sign-in attempts per account and address, and per address, with growing delays.
 * An attempt is counted before its password is checked, so parallel guesses cannot outrun the
 * count. There is no lock per account alone: a stranger hammering an account from elsewhere
 * delays only their own attempts, and its owner still signs in.
 */
@Injectable()
export class LoginThrottle {
  private readonly byAddress: BackOff;
  private readonly byAccountAndAddress: BackOff;

  constructor(limits: RateLimits) {
    this.byAddress = new BackOff(limits, ADDRESS_POLICY);
    this.byAccountAndAddress = new BackOff(limits, ACCOUNT_AND_ADDRESS_POLICY);
  }

  /** Counts an attempt, or refuses it with TOO_MANY_REQUESTS and the seconds to wait. */
  async attempt(email: string, address: string): Promise<void> {
    await this.byAddress.attempt(address);
    await this.byAccountAndAddress.attempt(pair(email, address));
  }

  /** A sign-in succeeded: its account starts afresh from this address, which is not charged for it. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.byAccountAndAddress.forget(pair(email, address));
    await this.byAddress.giveBack(address);
  }
}

function pair(email: string, address: string): string {
  return `${email}\n${address}`;
}
