import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { ScimGroupRecord } from '@standpoint/events';
import { In } from 'typeorm';
import { groupKey } from '../group-roles/group-roles.rules';
import { UserEntity } from '../user.entity';
import { ProvisionedMemberships } from './provisioned-memberships';
import { scimError } from './scim-error';
import { ScimGroupMemberEntity } from './scim-group-member.entity';
import { ScimGroupEntity } from './scim-group.entity';
import { ScimGroupIn, ScimGroupOut, WantedByEquality } from './scim-resources';
import { refuseBidiName } from './scim-text';
import { ScimUserEntity } from './scim-user.entity';

/**
 * The brand's SCIM Groups: named sets of its provisioned users. A group's name picks the roles
 * its members hold (group-roles); every change of a group's name or members gives the members it
 * touches the roles their groups give now (ProvisionedMemberships.sync).
 */
@Injectable()
export class ScimGroupsService {
  constructor(
    private readonly audit: AuditService,
    private readonly memberships: ProvisionedMemberships,
    private readonly clock: Clock,
  ) {}

  async get(ctx: RequestContext, brandId: string, id: string): Promise<ScimGroupOut> {
    const [group] = await this.answer(ctx, [await this.require(ctx, brandId, id)]);
    return group;
  }

  /** The brand's groups, oldest first; only the one named so when a filter asks for exactly that. */
  async list(
    ctx: RequestContext,
    brandId: string,
    wanted?: WantedByEquality,
  ): Promise<ScimGroupOut[]> {
    const named = wanted?.attribute.toLowerCase() === 'displayname' ? wanted.value : undefined;
    const rows = await ctx.em.find(ScimGroupEntity, {
      where: { brandId, ...(named === undefined ? {} : { groupKey: groupKey(named) }) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return this.answer(ctx, rows);
  }

  async create(ctx: RequestContext, brandId: string, input: ScimGroupIn): Promise<ScimGroupOut> {
    const after = await this.recordOf(ctx, brandId, input);
    await this.requireFreeName(ctx, brandId, after.displayName);
    const now = this.clock.now();
    const row: ScimGroupEntity = {
      id: newId('scg'),
      brandId,
      displayName: after.displayName,
      groupKey: groupKey(after.displayName),
      externalId: after.externalId,
      createdAt: now,
      updatedAt: now,
    };
    await ctx.em.insert(ScimGroupEntity, row);
    await this.setMembers(ctx, row, after.memberIds);
    await this.audit.append(ctx, {
      brandId,
      action: 'scim_group.created',
      entityType: 'ScimGroup',
      entityId: row.id,
      data: after,
    });
    await this.memberships.sync(ctx, brandId, after.memberIds);
    return this.get(ctx, brandId, row.id);
  }

  /** PUT, and PATCH once SCIMMY has applied its operations (Entra's member adds and removes). */
  async replace(
    ctx: RequestContext,
    brandId: string,
    id: string,
    input: ScimGroupIn,
  ): Promise<ScimGroupOut> {
    const row = await this.require(ctx, brandId, id);
    const before = await this.storedRecord(ctx, row);
    const after = await this.recordOf(ctx, brandId, input);
    if (JSON.stringify(before) === JSON.stringify(after)) return this.get(ctx, brandId, id);
    const renamed = groupKey(before.displayName) !== groupKey(after.displayName);
    if (renamed) await this.requireFreeName(ctx, brandId, after.displayName);
    await ctx.em.update(
      ScimGroupEntity,
      { id },
      {
        displayName: after.displayName,
        groupKey: groupKey(after.displayName),
        externalId: after.externalId,
        updatedAt: this.clock.now(),
      },
    );
    await this.setMembers(ctx, row, after.memberIds);
    await this.audit.append(ctx, {
      brandId,
      action: 'scim_group.updated',
      entityType: 'ScimGroup',
      entityId: id,
      data: { before, after },
    });
    // A new name may map to other roles: then every member is touched, else those who came or went.
    const touched = renamed
      ? [...before.memberIds, ...after.memberIds]
      : symmetricDifference(before.memberIds, after.memberIds);
    await this.memberships.sync(ctx, brandId, touched);
    return this.get(ctx, brandId, id);
  }

  async remove(ctx: RequestContext, brandId: string, id: string): Promise<void> {
    const row = await this.require(ctx, brandId, id);
    const before = await this.storedRecord(ctx, row);
    await ctx.em.delete(ScimGroupMemberEntity, { groupId: id });
    await ctx.em.delete(ScimGroupEntity, { id });
    await this.audit.append(ctx, {
      brandId,
      action: 'scim_group.deleted',
      entityType: 'ScimGroup',
      entityId: id,
      data: before,
    });
    await this.memberships.sync(ctx, brandId, before.memberIds);
  }

  /** The brand's group `id`; 404 for any other brand's. */
  private async require(
    ctx: RequestContext,
    brandId: string,
    id: string,
  ): Promise<ScimGroupEntity> {
    const row = await ctx.em.findOneBy(ScimGroupEntity, { brandId, id });
    if (!row) throw scimError(404, null, `Resource ${id} not found`);
    return row;
  }

  private async requireFreeName(ctx: RequestContext, brandId: string, name: string): Promise<void> {
    if (await ctx.em.existsBy(ScimGroupEntity, { brandId, groupKey: groupKey(name) })) {
      throw scimError(409, 'uniqueness', `A group named ${name} exists already`);
    }
  }

  /** The input as stored: its members must be this brand's provisioned users. */
  private async recordOf(
    ctx: RequestContext,
    brandId: string,
    input: ScimGroupIn,
  ): Promise<ScimGroupRecord> {
    const displayName = (input.displayName ?? '').trim();
    if (!displayName || displayName.length > 256) {
      throw scimError(400, 'invalidValue', 'displayName must be 1 to 256 characters');
    }
    refuseBidiName(displayName, 'displayName');
    const memberIds = [...new Set((input.members ?? []).map((m) => m.value))].sort();
    const known = memberIds.length
      ? await ctx.em.findBy(ScimUserEntity, { brandId, userId: In(memberIds) })
      : [];
    const unknown = memberIds.filter((id) => !known.some((row) => row.userId === id));
    if (unknown.length > 0) {
      throw scimError(400, 'invalidValue', `No user of this brand has the id ${unknown[0]}`);
    }
    return { displayName, externalId: input.externalId?.slice(0, 256) ?? null, memberIds };
  }

  private async storedRecord(ctx: RequestContext, row: ScimGroupEntity): Promise<ScimGroupRecord> {
    const members = await ctx.em.findBy(ScimGroupMemberEntity, { groupId: row.id });
    return {
      displayName: row.displayName,
      externalId: row.externalId,
      memberIds: members.map((m) => m.userId).sort(),
    };
  }

  private async setMembers(
    ctx: RequestContext,
    row: ScimGroupEntity,
    memberIds: readonly string[],
  ): Promise<void> {
    await ctx.em.delete(ScimGroupMemberEntity, { groupId: row.id });
    if (memberIds.length === 0) return;
    await ctx.em.insert(
      ScimGroupMemberEntity,
      memberIds.map((userId) => ({ groupId: row.id, userId, brandId: row.brandId })),
    );
  }

  private async answer(
    ctx: RequestContext,
    rows: readonly ScimGroupEntity[],
  ): Promise<ScimGroupOut[]> {
    if (rows.length === 0) return [];
    const members = await ctx.em.findBy(ScimGroupMemberEntity, {
      groupId: In(rows.map((r) => r.id)),
    });
    const users = new Map(
      (members.length
        ? await ctx.em.findBy(UserEntity, { id: In([...new Set(members.map((m) => m.userId))]) })
        : []
      ).map((u) => [u.id, u]),
    );
    return rows.map((row) => ({
      id: row.id,
      ...(row.externalId === null ? {} : { externalId: row.externalId }),
      displayName: row.displayName,
      members: members
        .filter((m) => m.groupId === row.id)
        .map((m) => ({ value: m.userId, display: users.get(m.userId)?.email ?? '', type: 'User' })),
      meta: { resourceType: 'Group', created: row.createdAt, lastModified: row.updatedAt },
    }));
  }
}

function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  return [...a.filter((id) => !b.includes(id)), ...b.filter((id) => !a.includes(id))];
}
