import { Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Ctx } from '@standpoint/graphql';
import { CalendarFeedModel } from '../models/calendar-feed.model';
import { CalendarFeedsService } from './calendar-feeds.service';

@Resolver()
export class CalendarFeedsResolver {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Mutation(() => CalendarFeedModel, {
    description:
      'Makes your secret calendar feed (the decisions you owe and the scheduled publications of your brands) and answers its address, once. A feed you had before stops working.',
  })
  createMyCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeedModel> {
    return this.feeds.create(ctx);
  }

  @Mutation(() => Boolean, {
    description:
      'Ends your calendar feed: its address answers 404 from now on. False when you had none.',
  })
  revokeMyCalendarFeed(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.feeds.revoke(ctx);
  }
}
