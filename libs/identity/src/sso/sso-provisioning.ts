import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, isUniqueViolation, RequestContext, SsoActor } from '@standpoint/database';
import { hasAnotherAdmin } from '../admins-kept';
import { GroupRoleReader } from '../group-roles/group-role-reader';
import { MembersService } from '../members.service';
import { MembershipEntity } from '../membership.entity';
import { provisionedUser } from '../provisioned-user';
import { normalizeRoles, Role } from '../role';
import { ScimUserEntity } from '../scim/scim-user.entity';
import { UserEntity } from '../user.entity';

/**
 * Whom a provider vouches for (an ID token, an assertion); `groups` null when it does not carry
 * the groups claim or attribute at all.
 */
/** The provider a sign-in comes through, as the audit trail names it. */
export interface SsoSource {
  id: string;
  name: string;
}

export interface SsoIdentity {
  email: string;
  name: string;
  groups: readonly string[] | null;
}

/**
 * Just-in-time provisioning: someone signing in through a provider holds, in each brand it serves
 * that maps groups to roles, the roles their groups give (GroupRoleReader, as SCIM does). Changes
 * go through MembersService.grant as the provider (an `sso` actor), so steps, decision links and
 * the audit trail follow exactly as for an ADMIN's change in GraphQL or the provider's in SCIM.
 *
 * - A brand that maps no group is not touched: its members are managed by hand.
 * - A member the brand's SCIM provisions keeps what SCIM gives: one source of roles per member.
 * - Groups that give no role in a mapped brand leave a member with no role, as in SCIM.
 * - The brand's last ADMIN keeps ADMIN (`sso.last_admin_kept` says so).
 */
@Injectable()
export class SsoProvisioning {
  constructor(
    private readonly members: MembersService,
    private readonly groupRoles: GroupRoleReader,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Applies the identity's groups in `brandIds` (the brands the provider serves), in the caller's
   * transaction. Returns the user: `user`, or a new account when they had none and their groups
   * give a role in a served brand; null when they had none and give none (nobody is created).
   */
  async apply(
    ctx: RequestContext,
    provider: SsoSource,
    brandIds: readonly string[],
    identity: SsoIdentity,
    user: UserEntity | null,
  ): Promise<UserEntity | null> {
    const groups = identity.groups;
    if (groups === null) return user;
    const given = new Map<string, Role[]>();
    for (const brandId of [...brandIds].sort()) {
      if ((await this.groupRoles.mappingsOf(ctx, brandId)).length === 0) continue;
      given.set(brandId, await this.groupRoles.rolesFor(ctx, brandId, groups));
    }
    if (!user && ![...given.values()].some((roles) => roles.length > 0)) return null;
    const asked = ctx.actor;
    ctx.actor = {
      kind: 'sso',
      providerId: provider.id,
      providerName: provider.name,
      brandIds: [...given.keys()],
    } satisfies SsoActor;
    try {
      const account = user ?? (await this.create(ctx, identity));
      for (const [brandId, roles] of given) {
        await this.applyIn(ctx, provider, brandId, account, roles);
      }
      return account;
    } finally {
      ctx.actor = asked;
    }
  }

  private async applyIn(
    ctx: RequestContext,
    provider: SsoSource,
    brandId: string,
    user: UserEntity,
    groupsGive: Role[],
  ): Promise<void> {
    const membership = await ctx.em.findOneBy(MembershipEntity, { brandId, userId: user.id });
    if (!membership) {
      if (groupsGive.length > 0) await this.members.grant(ctx, brandId, user, groupsGive);
      return;
    }
    if (await ctx.em.existsBy(ScimUserEntity, { brandId, userId: user.id })) return;
    let roles = groupsGive;
    if (
      membership.roles.includes(Role.ADMIN) &&
      !roles.includes(Role.ADMIN) &&
      !(await hasAnotherAdmin(ctx, brandId, user.id))
    ) {
      roles = normalizeRoles([...roles, Role.ADMIN]);
      await this.audit.append(ctx, {
        brandId,
        action: 'sso.last_admin_kept',
        entityType: 'Membership',
        entityId: membership.id,
        data: {
          userId: user.id,
          email: user.email,
          providerId: provider.id,
          providerName: provider.name,
          groupsGive,
          roles,
        },
      });
    }
    await this.members.grant(ctx, brandId, user, roles);
  }

  /**
   * Their new account; or, when another sign-in of theirs made it since this one looked (two
   * first sign-ins at once), that account: the insert is undone in its savepoint, not the rest.
   */
  private async create(ctx: RequestContext, identity: SsoIdentity): Promise<UserEntity> {
    const user = provisionedUser(identity.email, identity.name, this.clock.now());
    try {
      await ctx.em.transaction((em) => em.insert(UserEntity, user));
      return user;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return ctx.em.findOneByOrFail(UserEntity, { email: identity.email });
    }
  }
}
