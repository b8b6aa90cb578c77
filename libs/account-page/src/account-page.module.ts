import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AntiForgery } from '@standpoint/decision-page';
import { IdentityApiModule, IdentityModule } from '@standpoint/identity';
import { NotificationsModule } from '@standpoint/notifications';
import { PagePostRateLimit, RateLimitsModule } from '@standpoint/rate-limits';
import { AccountEmailsModule } from './account-emails.module';
import { AccountPageController } from './account-page.controller';
import { OidcSignInController } from './oidc/oidc-sign-in.controller';
import { SamlSignInController } from './saml/saml-sign-in.controller';

/**
 * `GET`/`POST /account/password/<token>`, where a new member chooses their password and a member
 * resets theirs; the steps of a sign-in through an organisation's OIDC provider
 * (`/auth/oidc/<provider>/start` and `/auth/oidc/callback`) or SAML provider
 * (`/auth/saml/<provider>/start`, `/acs` and `/metadata`); and the welcome email a new member
 * without a password gets.
 */
@Module({
  imports: [
    AccountEmailsModule,
    IdentityModule,
    IdentityApiModule,
    NotificationsModule,
    RateLimitsModule,
  ],
  controllers: [AccountPageController, OidcSignInController, SamlSignInController],
  providers: [AntiForgery],
})
export class AccountPageModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PagePostRateLimit).forRoutes(AccountPageController);
  }
}
