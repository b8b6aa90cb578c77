import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RateLimit } from './rate-limit';
import { RateLimits } from './rate-limits.service';
import { TOO_MANY_REQUESTS_PAGE_HEADERS, tooManyRequestsPage } from './too-many-requests.page';

/** Form posts of the pages that links in emails open, per client address, all such pages together. */
export const PAGE_POSTS_PER_ADDRESS: RateLimit = {
  name: 'page-posts',
  points: 100,
  durationSeconds: 10 * 60,
  refusal: 'Too many forms sent from this address',
};

/**
 * Limits the form posts of a page's routes per client address: past the limit, HTTP 429 with
 * `Retry-After` and a plain page, before the page's own code runs. GET and HEAD pass. Applied in
 * the page's module: `consumer.apply(PagePostRateLimit).forRoutes(ThePageController)`.
 */
@Injectable()
export class PagePostRateLimit implements NestMiddleware {
  constructor(private readonly limits: RateLimits) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    if (request.method !== 'POST') return next();
    try {
      const refused = await this.limits.take(PAGE_POSTS_PER_ADDRESS, request.ip ?? 'unknown');
      if (!refused) return next();
      response
        .status(429)
        .set({
          ...TOO_MANY_REQUESTS_PAGE_HEADERS,
          'Retry-After': String(refused.retryAfterSeconds),
        })
        .type('html')
        .send(tooManyRequestsPage(refused.retryAfterSeconds));
    } catch (error) {
      next(error);
    }
  }
}
