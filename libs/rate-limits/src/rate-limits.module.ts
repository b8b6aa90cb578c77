import { Module } from '@nestjs/common';
import { RateLimits } from './rate-limits.service';

/** Rate limits for every feature. A module that applies PagePostRateLimit imports this one. */
@Module({
  providers: [RateLimits],
  exports: [RateLimits],
})
export class RateLimitsModule {}
