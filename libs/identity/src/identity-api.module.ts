import { Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '@standpoint/audit';
import { Authenticator, NodeRegistry } from '@standpoint/graphql';
import { RateLimitsModule } from '@standpoint/rate-limits';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { BootstrapAdmin } from './bootstrap-admin';
import { BrandsResolver } from './brands.resolver';
import { BrandsService } from './brands.service';
import { CalendarFeedsResolver } from './calendar-feeds/calendar-feeds.resolver';
import { IdentityModule } from './identity.module';
import { LoginThrottle } from './login-throttle';
import { MembersResolver } from './members.resolver';
import { MutationRateGuard } from './mutation-rate.guard';
import { OidcResolver } from './oidc/oidc.resolver';
import { OidcSignInService } from './oidc/oidc-sign-in.service';
import { SamlResolver } from './saml/saml.resolver';
import { SamlSignInService } from './saml/saml-sign-in.service';
import { SsoEnforcementService } from './sso/sso-enforcement.service';
import { SsoResolver } from './sso/sso.resolver';
import { SsoSignInService } from './sso/sso-sign-in.service';
import { PasskeysResolver } from './passkeys/passkeys.resolver';
import { PasswordResetsService } from './password-resets.service';
import { PasswordsService } from './passwords.service';
import { ScimApiModule } from './scim/scim-api.module';
import { TokenService } from './token.service';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

/**
 * The identity feature as the API serves it: sign-in, the guards, resolvers and `node` lookups, and
 * the Authenticator the GraphQL layer authenticates WebSocket connections with.
 */
@Module({
  imports: [AuditModule, IdentityModule, RateLimitsModule, ScimApiModule],
  providers: [
    AuthService,
    { provide: Authenticator, useExisting: AuthService },
    AuthResolver,
    BootstrapAdmin,
    BrandsResolver,
    CalendarFeedsResolver,
    LoginThrottle,
    MembersResolver,
    OidcResolver,
    OidcSignInService,
    PasskeysResolver,
    PasswordResetsService,
    PasswordsService,
    SamlResolver,
    SamlSignInService,
    SsoEnforcementService,
    SsoResolver,
    SsoSignInService,
    TokenService,
    UsersResolver,
    // In this order: the caller is known before their mutations are counted.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: MutationRateGuard },
  ],
  exports: [Authenticator, OidcSignInService, PasswordsService, SamlSignInService],
})
export class IdentityApiModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly brands: BrandsService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('brd', (ctx, id) => this.brands.get(ctx, id));
    this.nodes.register('usr', (ctx, id) => this.users.get(ctx, id));
  }
}
