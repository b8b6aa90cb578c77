import { Module } from '@nestjs/common';
import { IdentityModule } from '@standpoint/identity';
import { ProposalsModule } from '@standpoint/proposals';
import { RateLimitsModule } from '@standpoint/rate-limits';
import { ApprovalsModule } from './approvals.module';
import { BrandApprovalResolver } from './brand-approval.resolver';
import { CalendarFeedController } from './calendar/calendar-feed.controller';
import { CalendarItemsService } from './calendar/calendar-items.service';
import { ContentFreezeResolver, PublicationResolver } from './publication.resolver';
import { ApprovalStepResolver, DecisionResolver, ReviewResolver } from './review.resolver';

/** The approval workflow as the API serves it, and the calendar feeds of what it awaits. */
@Module({
  imports: [ApprovalsModule, IdentityModule, ProposalsModule, RateLimitsModule],
  controllers: [CalendarFeedController],
  providers: [
    CalendarItemsService,
    ApprovalStepResolver,
    BrandApprovalResolver,
    ContentFreezeResolver,
    DecisionResolver,
    PublicationResolver,
    ReviewResolver,
  ],
})
export class ApprovalsApiModule {}
