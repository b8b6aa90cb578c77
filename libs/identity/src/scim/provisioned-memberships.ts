import { Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@standpoint/database';
import { In, Not } from 'typeorm';
import { DeactivationService } from '../deactivation.service';
import { GroupRoleReader } from '../group-roles/group-role-reader';
import { groupKey } from '../group-roles/group-roles.rules';
import { MembersService } from '../members.service';
import { MembershipEntity } from '../membership.entity';
import { UserEntity } from '../user.entity';
import { ScimClosedAccountEntity } from './scim-closed-account.entity';
import { scimError } from './scim-error';
import { ScimGroupMemberEntity } from './scim-group-member.entity';
import { ScimGroupEntity } from './scim-group.entity';
import { ScimUserEntity } from './scim-user.entity';

/**
 * What a provisioned user's SCIM state means for their membership of the brand, through the same
 * paths as the GraphQL changes (MembersService, DeactivationService), so that steps, decision
 * links, sessions and the audit trail follow exactly as they do there:
 *
 * - an active provisioned user holds the roles their groups give (group-roles), none when no
 *   group of theirs is mapped;
 * - a deactivated one holds no membership; when that leaves them in no brand at all, their account
 *   closes (sessions end at once) and reopens when a brand's provider activates them again;
 * - the brand keeps an ADMIN: a change that would take away its last one is refused.
 */
@Injectable()
export class ProvisionedMemberships {
  constructor(
    private readonly members: MembersService,
    private readonly deactivation: DeactivationService,
    private readonly groupRoles: GroupRoleReader,
    private readonly clock: Clock,
  ) {}

  /** Gives each active provisioned user of `userIds` the roles their groups give now. */
  async sync(ctx: RequestContext, brandId: string, userIds: Iterable<string>): Promise<void> {
    for (const userId of [...new Set(userIds)].sort()) {
      const provisioned = await ctx.em.findOneBy(ScimUserEntity, { brandId, userId });
      if (!provisioned?.active) continue;
      const user = await ctx.em.findOneByOrFail(UserEntity, { id: userId });
      const roles = await this.groupRoles.rolesFor(
        ctx,
        brandId,
        await this.groupsOf(ctx, provisioned),
      );
      await this.members.grant(ctx, brandId, user, roles);
    }
  }

  /** Gives the provisioned members of the brand's group named `group` the roles it gives now. */
  async syncGroup(ctx: RequestContext, brandId: string, group: string): Promise<void> {
    const found = await ctx.em.findOneBy(ScimGroupEntity, { brandId, groupKey: groupKey(group) });
    if (!found) return;
    const members = await ctx.em.findBy(ScimGroupMemberEntity, { groupId: found.id });
    await this.sync(
      ctx,
      brandId,
      members.map((m) => m.userId),
    );
  }

  /**
   * Ends the user's membership of the brand: `member.removed` while they belong to another brand,
   * else `user.deactivated` and their account closes (marked as the provider's doing).
   */
  async end(ctx: RequestContext, provisioned: ScimUserEntity): Promise<void> {
    const { brandId, userId } = provisioned;
    const membership = await ctx.em.findOneBy(MembershipEntity, { brandId, userId });
    const elsewhere = await ctx.em.countBy(MembershipEntity, { userId, brandId: Not(brandId) });
    if (elsewhere > 0) {
      if (membership) await this.members.end(ctx, membership, 'REMOVED', 'member.removed');
      return;
    }
    if (membership) await this.members.end(ctx, membership, 'DEACTIVATED', 'user.deactivated');
    const user = await ctx.em.findOneByOrFail(UserEntity, { id: userId });
    if (user.deactivatedAt) return;
    await this.deactivation.closeAccount(ctx, user);
    await ctx.em.insert(ScimClosedAccountEntity, { userId, closedAt: this.clock.now() });
  }

  /**
   * Lets a user with an account be provisioned or reactivated. An account that a SCIM
   * deactivation closed (in this brand or another) opens again when `reopen`; one that a platform
   * administrator closed stays closed, and the request is refused (409).
   */
  async admit(ctx: RequestContext, userId: string, reopen: boolean): Promise<void> {
    const user = await ctx.em.findOneByOrFail(UserEntity, { id: userId });
    if (!user.deactivatedAt) return;
    if (!(await ctx.em.existsBy(ScimClosedAccountEntity, { userId }))) {
      throw scimError(
        409,
        null,
        'This account was deactivated by a platform administrator: it cannot be provisioned again',
      );
    }
    if (!reopen) return;
    await this.deactivation.reopenAccount(ctx, user);
    await ctx.em.delete(ScimClosedAccountEntity, { userId });
  }

  private async groupsOf(ctx: RequestContext, provisioned: ScimUserEntity): Promise<string[]> {
    const memberships = await ctx.em.findBy(ScimGroupMemberEntity, {
      brandId: provisioned.brandId,
      userId: provisioned.userId,
    });
    if (memberships.length === 0) return [];
    const groups = await ctx.em.findBy(ScimGroupEntity, {
      id: In(memberships.map((m) => m.groupId)),
    });
    return groups.map((group) => group.displayName);
  }
}
