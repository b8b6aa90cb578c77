import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@standpoint/audit';
import { BrandEntity } from './brand.entity';
import { BrandsService } from './brands.service';
import { CalendarFeedEntity } from './calendar-feeds/calendar-feed.entity';
import { CalendarFeedsService } from './calendar-feeds/calendar-feeds.service';
import { DeactivationService } from './deactivation.service';
import { DecisionLinkTokenEntity } from './decision-links/decision-link-token.entity';
import { DecisionLinkEntity } from './decision-links/decision-link.entity';
import { DecisionLinksService } from './decision-links/decision-links.service';
import { DemoSeeder } from './demo-seeder';
import { GroupRoleMappingEntity } from './group-roles/group-role-mapping.entity';
import { GroupRoleReader } from './group-roles/group-role-reader';
import { GroupRolesService } from './group-roles/group-roles.service';
import { PasskeyEntity } from './passkeys/passkey.entity';
import { PasskeysService } from './passkeys/passkeys.service';
import { RelyingParty } from './passkeys/relying-party';
import { WebAuthnChallengeEntity } from './passkeys/webauthn-challenge.entity';
import { PasswordLinksService } from './password-links.service';
import { PasswordResetQueue } from './password-reset-queue';
import { PasswordStrength } from './password-strength';
import { ProvisionedMemberships } from './scim/provisioned-memberships';
import { ScimClosedAccountEntity } from './scim/scim-closed-account.entity';
import { ScimGroupMemberEntity } from './scim/scim-group-member.entity';
import { ScimGroupEntity } from './scim/scim-group.entity';
import { ScimGroupsService } from './scim/scim-groups.service';
import { ScimTokenEntity } from './scim/scim-token.entity';
import { ScimTokensService } from './scim/scim-tokens.service';
import { ScimUserEntity } from './scim/scim-user.entity';
import { ScimUsersService } from './scim/scim-users.service';
import { SessionsService } from './sessions.service';
import { MembersService } from './members.service';
import { OidcDiscovery } from './oidc/oidc-discovery';
import { OidcProviderEntity } from './oidc/oidc-provider.entity';
import { OidcProvidersService } from './oidc/oidc-providers.service';
import { SamlAssertionSeenEntity } from './saml/saml-assertion-seen.entity';
import { SamlProviderEntity } from './saml/saml-provider.entity';
import { SamlProvidersService } from './saml/saml-providers.service';
import { SamlRequestEntity } from './saml/saml-request.entity';
import { SsoBrandLinks } from './sso/sso-brand-links';
import { SsoDirectory } from './sso/sso-directory';
import { SsoProviderBrandEntity } from './sso/sso-provider-brand.entity';
import { SsoProvisioning } from './sso/sso-provisioning';
import { SsoRequirement } from './sso/sso-requirement';
import { SsoSignInCodeEntity } from './sso/sso-sign-in-code.entity';
import { MembershipEntity } from './membership.entity';
import { PasswordHasher } from './password-hasher';
import { PasswordLinkTokenEntity } from './password-link-token.entity';
import { PasswordLinkEntity } from './password-link.entity';
import { PasswordResetRequestEntity } from './password-reset-request.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

const SERVICES = [
  BrandsService,
  CalendarFeedsService,
  DeactivationService,
  DecisionLinksService,
  DemoSeeder,
  GroupRoleReader,
  GroupRolesService,
  MembersService,
  OidcDiscovery,
  OidcProvidersService,
  PasskeysService,
  PasswordHasher,
  PasswordLinksService,
  PasswordResetQueue,
  PasswordStrength,
  ProvisionedMemberships,
  RelyingParty,
  ScimGroupsService,
  ScimTokensService,
  SamlProvidersService,
  ScimUsersService,
  SessionsService,
  SsoBrandLinks,
  SsoDirectory,
  SsoProvisioning,
  SsoRequirement,
  UsersService,
];

/**
 * Users, brands, memberships and roles, and the credentials that stand in for a sign-in (sessions,
 * password links, decision links, calendar feeds), and the passkeys that confirm decisions: the services every process may use.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      BrandEntity,
      CalendarFeedEntity,
      MembershipEntity,
      SessionEntity,
      PasswordLinkEntity,
      PasswordLinkTokenEntity,
      PasswordResetRequestEntity,
      DecisionLinkEntity,
      DecisionLinkTokenEntity,
      PasskeyEntity,
      WebAuthnChallengeEntity,
      OidcProviderEntity,
      SsoProviderBrandEntity,
      SsoSignInCodeEntity,
      SamlProviderEntity,
      SamlRequestEntity,
      SamlAssertionSeenEntity,
      GroupRoleMappingEntity,
      ScimTokenEntity,
      ScimUserEntity,
      ScimGroupEntity,
      ScimGroupMemberEntity,
      ScimClosedAccountEntity,
    ]),
    AuditModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class IdentityModule {}
