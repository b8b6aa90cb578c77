import { Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@standpoint/database';
import { AlertThrottleEntity } from './alert-throttle.entity';

/** One alert per brand and key per window: so that a thing failing again and again floods no one. */
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
    const held = await ctx.em.findOneBy(AlertThrottleEntity, { brandId, key });
    if (held && held.quietUntil > now) return false;
    const quietUntil = new Date(now.getTime() + windowMs);
    if (held) await ctx.em.update(AlertThrottleEntity, { brandId, key }, { quietUntil });
    else await ctx.em.insert(AlertThrottleEntity, { brandId, key, quietUntil });
    return true;
  }
}
