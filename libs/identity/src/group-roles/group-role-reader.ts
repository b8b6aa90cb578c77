import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { Role } from '../role';
import { GroupRoleMappingEntity } from './group-role-mapping.entity';
import { rolesForGroups } from './group-roles.rules';

/**
 * What a brand's group mappings give: asked by provisioning (SCIM now, sign-in through a provider
 * next) for the roles of someone's groups. No authorization: the caller has established who asks.
 */
@Injectable()
export class GroupRoleReader {
  /** The roles someone in `groups` holds in the brand (group-roles.rules.ts). */
  async rolesFor(ctx: RequestContext, brandId: string, groups: readonly string[]): Promise<Role[]> {
    if (groups.length === 0) return [];
    return rolesForGroups(await this.mappingsOf(ctx, brandId), groups);
  }

  /** The brand's mappings, by name. */
  mappingsOf(ctx: RequestContext, brandId: string): Promise<GroupRoleMappingEntity[]> {
    return ctx.em.find(GroupRoleMappingEntity, { where: { brandId }, order: { groupKey: 'ASC' } });
  }
}
