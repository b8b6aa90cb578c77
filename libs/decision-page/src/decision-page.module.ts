import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ApprovalsModule } from '@standpoint/approvals';
import { IdentityModule } from '@standpoint/identity';
import { ProposalsModule } from '@standpoint/proposals';
import { PagePostRateLimit, RateLimitsModule } from '@standpoint/rate-limits';
import { AntiForgery } from './anti-forgery';
import { DecisionPageController } from './decision-page.controller';
import { DecisionPageService } from './decision-page.service';

/** `GET`/`POST /decide/<token>`: where an approver decides from an approval email. */
@Module({
  imports: [ApprovalsModule, IdentityModule, ProposalsModule, RateLimitsModule],
  controllers: [DecisionPageController],
  providers: [AntiForgery, DecisionPageService],
})
export class DecisionPageModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PagePostRateLimit).forRoutes(DecisionPageController);
  }
}
