import { Injectable } from '@nestjs/common';
import { Clock, isUniqueViolation, RequestContext } from '@standpoint/database';
import { LessThanOrEqual } from 'typeorm';
import { AlertThrottleEntity } from './alert-throttle.entity';

/**
 * One alert per brand and key per window: so that a thing failing again and again floods no one.
 * Safe when two transactions ask at once (two workers giving up on one endpoint): the row's
 * conditional update, or its insert, lets exactly one of them through.
 */
@Injectable()
export class AlertThrottle {
  constructor(private readonly clock: Clock) {}

  /** Whether an alert about `key` may be raised now; if so, the next waits `windowMs`. */
  async allow(
    ctx: RequestContext,
    brandId: string,
    key: string,
    windowMs: number,
  ): Promise<boolean> {
    const now = this.clock.now();
    const quietUntil = new Date(now.getTime() + windowMs);
    const held = await ctx.em.findOneBy(AlertThrottleEntity, { brandId, key });
    if (held) {
      if (held.quietUntil > now) return false;
      // Another transaction that passed the same read waits for this row, then finds it quiet.
      const renewed = await ctx.em.update(
        AlertThrottleEntity,
        { brandId, key, quietUntil: LessThanOrEqual(now) },
        { quietUntil },
      );
      return renewed.affected === 1;
    }
    try {
      // In a savepoint: the loser of two first inserts is refused, and only its insert undone.
      await ctx.em.transaction((em) =>
        em.insert(AlertThrottleEntity, { brandId, key, quietUntil }),
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
