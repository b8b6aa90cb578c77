import { Module } from '@nestjs/common';
import { RateLimits } from './rate-limits.service';
import { TrustProxy } from './trust-proxy';

/**
 * Rate limits for every feature, and the client addresses they count by (TRUST_PROXY). A module
 * that applies PagePostRateLimit imports this one.
 */
@Module({
  providers: [RateLimits, TrustProxy],
  exports: [RateLimits],
})
export class RateLimitsModule {}
