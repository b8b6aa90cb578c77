import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { RateLimitsModule } from '@standpoint/rate-limits';
import { GroupRolesResolver } from '../group-roles/group-roles.resolver';
import { IdentityModule } from '../identity.module';
import { declareScimProtocol } from './scim-protocol';
import { ScimTokensResolver } from './scim-tokens.resolver';
import { ScimController } from './scim.controller';

/**
 * Provisioning by a brand's identity provider, as the API serves it: `/scim/v2`, and the GraphQL
 * for the brand's ADMIN (its SCIM token, its group → role mappings).
 */
@Module({
  imports: [IdentityModule, RateLimitsModule],
  controllers: [ScimController],
  providers: [GroupRolesResolver, ScimTokensResolver],
})
export class ScimApiModule implements OnModuleInit {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    declareScimProtocol(`${this.config.publicUrl}/scim/v2`);
  }
}
