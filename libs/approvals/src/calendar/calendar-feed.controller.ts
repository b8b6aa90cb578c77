import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { Ctx } from '@standpoint/graphql';
import { CalendarFeedsService } from '@standpoint/identity';
import { RateLimit, RateLimits } from '@standpoint/rate-limits';
import type { Request, Response } from 'express';
import { calendarIcs } from './calendar-ics';
import { CalendarItemsService } from './calendar-items.service';

/**
 * Fetches of calendar feeds per client address. Calendar apps poll every few minutes to hours; a
 * whole office behind one address stays well within this, a guesser does not get far.
 */
export const CALENDAR_FETCHES_PER_ADDRESS: RateLimit = {
  name: 'calendar-fetches',
  points: 120,
  durationSeconds: 10 * 60,
  refusal: 'Too many calendar requests from this address',
};

const FEED_FILE = /^(.+)\.ics$/;

/** What every answer carries: nothing is cached on the way, and the secret address leaks nowhere. */
const HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * `GET /calendar/<secret>.ics`: a user's calendar feed. Public (calendar apps send no bearer
 * token): the secret is the credential. An unknown, revoked or malformed secret, or a deactivated
 * user, is the same bare 404.
 */
@Controller('calendar')
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeedsService,
    private readonly items: CalendarItemsService,
    private readonly limits: RateLimits,
  ) {}

  @Get(':file')
  async feed(
    @Ctx() ctx: RequestContext,
    @Param('file') file: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    response.set(HEADERS);
    const refused = await this.limits.take(CALENDAR_FETCHES_PER_ADDRESS, request.ip ?? 'unknown');
    if (refused) {
      response
        .status(429)
        .set('Retry-After', String(refused.retryAfterSeconds))
        .type('text/plain')
        .send(`${CALENDAR_FETCHES_PER_ADDRESS.refusal}; try again later.\n`);
      return;
    }
    const secret = FEED_FILE.exec(file)?.[1];
    const user = secret ? await this.feeds.ownerOf(ctx.em, secret) : null;
    if (!user) {
      response.status(404).type('text/plain').send('Not found\n');
      return;
    }
    const ics = calendarIcs(await this.items.feedOf(ctx, user));
    response.status(200).type('text/calendar; charset=utf-8').send(ics);
  }
}
