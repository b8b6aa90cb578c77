import { MiddlewareConsumer, Module, NestModule, OnModuleInit } from '@nestjs/common';
import { AntiForgery } from '@standpoint/decision-page';
import { IdentityApiModule, IdentityModule, MembershipHooks } from '@standpoint/identity';
import { NotificationsModule } from '@standpoint/notifications';
import { PagePostRateLimit, RateLimitsModule } from '@standpoint/rate-limits';
import { AccountEmails } from './account-emails';
import { AccountPageController } from './account-page.controller';

/**
 * `GET`/`POST /account/password/<token>`, where a new member chooses their password and a member
 * resets theirs; and the welcome email a new member without a password gets.
 */
@Module({
  imports: [IdentityModule, IdentityApiModule, NotificationsModule, RateLimitsModule],
  controllers: [AccountPageController],
  providers: [AccountEmails, AntiForgery],
})
export class AccountPageModule implements NestModule, OnModuleInit {
  constructor(
    private readonly hooks: MembershipHooks,
    private readonly emails: AccountEmails,
  ) {}

  onModuleInit(): void {
    this.hooks.onAdded((ctx, added) => this.emails.welcome(ctx, added));
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PagePostRateLimit).forRoutes(AccountPageController);
  }
}
