import { Injectable } from '@nestjs/common';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { RateLimit, RateLimits } from '@standpoint/rate-limits';
import { isEmail } from 'class-validator';
import { PasswordResetRequestEntity } from './password-reset-request.entity';

const HOUR = 60 * 60;

/** Reset emails one address may be sent: enough for a lost email or two, too few to flood it. */
export const RESETS_PER_EMAIL: RateLimit = {
  name: 'password-reset:email',
  points: 3,
  durationSeconds: HOUR,
  refusal: 'Too many reset requests for this address',
};

/** Reset requests from one client address, for any email. */
export const RESETS_PER_ADDRESS: RateLimit = {
  name: 'password-reset:address',
  points: 10,
  durationSeconds: HOUR,
  refusal: 'Too many reset requests',
};

/**
 * Reset requests. The request itself does the same work whatever the address: two counters and one
 * row, no look-up of the user, so neither the answer nor its time tells whether the address is
 * known. The worker takes the rows
 * (PasswordResetQueue) and decides whether an email goes out.
 */
@Injectable()
export class PasswordResetsService {
  constructor(
    private readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  async request(ctx: RequestContext, rawEmail: string, address: string): Promise<boolean> {
    const email = rawEmail.trim().toLowerCase();
    if (email.length > 320 || !isEmail(email)) {
      throw DomainError.invalidField([
        { field: 'email', rule: 'isEmail', message: 'must be an email address' },
      ]);
    }
    await this.limits.consume(RESETS_PER_ADDRESS, address);
    await this.limits.consume(RESETS_PER_EMAIL, email);
    await ctx.em.insert(PasswordResetRequestEntity, {
      id: newId('pwr'),
      email,
      createdAt: this.clock.now(),
    });
    return true;
  }
}
