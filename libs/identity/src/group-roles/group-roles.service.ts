import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Operation } from '../access-policy';
import { requireBrandOperation } from '../brand-access';
import { normalizeRoles } from '../role';
import { ProvisionedMemberships } from '../scim/provisioned-memberships';
import { GroupRoleMappingEntity } from './group-role-mapping.entity';
import { GroupRoleMappingModel } from './group-role-mapping.model';
import { GroupRoleReader } from './group-role-reader';
import { groupKey } from './group-roles.rules';
import { SetGroupRolesInput } from './set-group-roles.input';

/** Mappings per brand: a company's role groups, with room to spare; the list is read whole. */
export const MAX_GROUP_MAPPINGS = 200;

/**
 * Which identity provider groups give which roles in a brand: set, listed and removed by the
 * brand's ADMIN, each change audited and applied at once to the members the brand's provider
 * provisioned in that group (what they give is read through GroupRoleReader).
 */
@Injectable()
export class GroupRolesService {
  constructor(
    private readonly audit: AuditService,
    private readonly reader: GroupRoleReader,
    private readonly provisioned: ProvisionedMemberships,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, brandId: string): Promise<GroupRoleMappingModel[]> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    return (await this.reader.mappingsOf(ctx, brandId)).map(GroupRoleMappingModel.from);
  }

  /** Gives `input.group` exactly `input.roles`; setting the roles it has already records nothing. */
  async set(ctx: RequestContext, input: SetGroupRolesInput): Promise<GroupRoleMappingModel> {
    requireBrandOperation(ctx, input.brandId, Operation.MANAGE_MEMBERS);
    const group = input.group.trim();
    const roles = normalizeRoles(input.roles);
    const rows = await this.reader.mappingsOf(ctx, input.brandId);
    const existing = rows.find((row) => row.groupKey === groupKey(group));
    if (existing && existing.roles.join() === roles.join() && existing.group === group) {
      return GroupRoleMappingModel.from(existing);
    }
    if (!existing && rows.length >= MAX_GROUP_MAPPINGS) {
      throw DomainError.conflict(
        `A brand maps at most ${MAX_GROUP_MAPPINGS} groups: remove one before adding another`,
      );
    }
    const row: GroupRoleMappingEntity = {
      id: existing?.id ?? newId('grm'),
      brandId: input.brandId,
      group,
      groupKey: groupKey(group),
      roles,
      updatedAt: this.clock.now(),
    };
    await ctx.em.save(GroupRoleMappingEntity, row);
    await this.audit.append(ctx, {
      brandId: input.brandId,
      action: 'group_roles.set',
      entityType: 'GroupRoleMapping',
      entityId: row.id,
      data: { group, before: existing?.roles ?? null, after: roles },
    });
    await this.provisioned.syncGroup(ctx, input.brandId, group);
    return GroupRoleMappingModel.from(row);
  }

  /** Removes a group's mapping; false when the group had none. */
  async remove(ctx: RequestContext, brandId: string, group: string): Promise<boolean> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    const row = await ctx.em.findOneBy(GroupRoleMappingEntity, {
      brandId,
      groupKey: groupKey(group),
    });
    if (!row) return false;
    await ctx.em.delete(GroupRoleMappingEntity, { id: row.id });
    await this.audit.append(ctx, {
      brandId,
      action: 'group_roles.removed',
      entityType: 'GroupRoleMapping',
      entityId: row.id,
      data: { group: row.group, roles: row.roles },
    });
    await this.provisioned.syncGroup(ctx, brandId, row.group);
    return true;
  }
}
