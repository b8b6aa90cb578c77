import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { ScimUserRecord } from '@standpoint/events';
import { isEmail } from 'class-validator';
import { In } from 'typeorm';
import { MembershipEntity } from '../membership.entity';
import { provisionedUser } from '../provisioned-user';
import { UserEntity } from '../user.entity';
import { ProvisionedMemberships } from './provisioned-memberships';
import { scimError } from './scim-error';
import { ScimGroupMemberEntity } from './scim-group-member.entity';
import { ScimGroupEntity } from './scim-group.entity';
import { ScimUserIn, ScimUserOut, WantedByEquality } from './scim-resources';
import { refuseBidiName } from './scim-text';
import { ScimUserEntity } from './scim-user.entity';

/**
 * The brand's SCIM Users: a provisioned user is a Standpoint user (userName = their email,
 * lower-cased) with a membership in the token's brand while active. Creating one whose email
 * already has an account adds this brand to it and changes nothing else of theirs (password,
 * name, other brands). See docs/scim.md for the whole mapping.
 */
@Injectable()
export class ScimUsersService {
  constructor(
    private readonly audit: AuditService,
    private readonly memberships: ProvisionedMemberships,
    private readonly clock: Clock,
  ) {}

  async get(ctx: RequestContext, brandId: string, id: string): Promise<ScimUserOut> {
    const [user] = await this.answer(ctx, brandId, [await this.require(ctx, brandId, id)]);
    return user;
  }

  /**
   * The brand's provisioned users, oldest first, for SCIMMY to filter and page; only those with
   * `wanted.userName` when a filter asks for exactly that (a provider looking a user up before
   * creating them does so for every user it pushes).
   */
  async list(
    ctx: RequestContext,
    brandId: string,
    wanted?: WantedByEquality,
  ): Promise<ScimUserOut[]> {
    const userName = wanted?.attribute.toLowerCase() === 'username' ? wanted.value : undefined;
    const user =
      userName === undefined
        ? undefined
        : await ctx.em.findOneBy(UserEntity, { email: userName.trim().toLowerCase() });
    if (user === null) return [];
    const rows = await ctx.em.find(ScimUserEntity, {
      where: { brandId, ...(user ? { userId: user.id } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return this.answer(ctx, brandId, rows);
  }

  async create(ctx: RequestContext, brandId: string, input: ScimUserIn): Promise<ScimUserOut> {
    const email = emailOf(input);
    let user = await ctx.em.findOneBy(UserEntity, { email });
    if (user && (await ctx.em.existsBy(ScimUserEntity, { brandId, userId: user.id }))) {
      throw scimError(409, 'uniqueness', `A user with userName ${email} exists already`);
    }
    if (user) await this.memberships.admit(ctx, user.id, input.active ?? true);
    if (!user) user = await this.newUser(ctx, email, input);
    const now = this.clock.now();
    const row: ScimUserEntity = {
      id: newId('scu'),
      brandId,
      userId: user.id,
      ...recordOf(input),
      createdAt: now,
      updatedAt: now,
    };
    await ctx.em.insert(ScimUserEntity, row);
    const adopted = await ctx.em.existsBy(MembershipEntity, { brandId, userId: user.id });
    await this.audit.append(ctx, {
      brandId,
      action: 'scim_user.provisioned',
      entityType: 'ScimUser',
      entityId: row.id,
      data: { userId: user.id, email, adopted, ...recordOf(input) },
    });
    // A member the brand had already keeps their roles until their groups say otherwise.
    if (row.active && !adopted) await this.memberships.sync(ctx, brandId, [user.id]);
    if (!row.active && adopted) await this.memberships.end(ctx, row);
    return this.get(ctx, brandId, user.id);
  }

  /** PUT, and PATCH once SCIMMY has applied its operations: the provider's view replaces ours. */
  async replace(
    ctx: RequestContext,
    brandId: string,
    id: string,
    input: ScimUserIn,
  ): Promise<ScimUserOut> {
    const row = await this.require(ctx, brandId, id);
    const user = await ctx.em.findOneByOrFail(UserEntity, { id: row.userId });
    if (emailOf(input) !== user.email) {
      throw scimError(
        400,
        'mutability',
        'userName cannot change: it is the account’s email, which other brands may share',
      );
    }
    const before = recordOf(row);
    const after = recordOf(input);
    if (JSON.stringify(before) === JSON.stringify(after)) return this.get(ctx, brandId, id);
    await ctx.em.update(ScimUserEntity, { id: row.id }, { ...after, updatedAt: this.clock.now() });
    await this.audit.append(ctx, {
      brandId,
      action: 'scim_user.updated',
      entityType: 'ScimUser',
      entityId: row.id,
      data: { userId: row.userId, before, after },
    });
    const updated = { ...row, ...after };
    if (before.active && !after.active) {
      await this.memberships.end(ctx, updated);
    } else if (!before.active && after.active) {
      await this.memberships.admit(ctx, row.userId, true);
      await this.memberships.sync(ctx, brandId, [row.userId]);
    }
    return this.get(ctx, brandId, id);
  }

  /** DELETE: they leave the brand as a deactivation does, and the provider's record of them goes. */
  async remove(ctx: RequestContext, brandId: string, id: string): Promise<void> {
    const row = await this.require(ctx, brandId, id);
    const user = await ctx.em.findOneByOrFail(UserEntity, { id: row.userId });
    if (row.active) await this.memberships.end(ctx, row);
    await ctx.em.delete(ScimGroupMemberEntity, { brandId, userId: row.userId });
    await ctx.em.delete(ScimUserEntity, { id: row.id });
    await this.audit.append(ctx, {
      brandId,
      action: 'scim_user.deleted',
      entityType: 'ScimUser',
      entityId: row.id,
      data: { userId: row.userId, email: user.email },
    });
  }

  /** The brand's provisioned user of SCIM id (their user id) `id`; 404 for any other brand's. */
  private async require(ctx: RequestContext, brandId: string, id: string): Promise<ScimUserEntity> {
    const row = await ctx.em.findOneBy(ScimUserEntity, { brandId, userId: id });
    if (!row) throw scimError(404, null, `Resource ${id} not found`);
    return row;
  }

  private async newUser(
    ctx: RequestContext,
    email: string,
    input: ScimUserIn,
  ): Promise<UserEntity> {
    const user = provisionedUser(email, displayNameOf(input) ?? email, this.clock.now());
    await ctx.em.insert(UserEntity, user);
    return user;
  }

  private async answer(
    ctx: RequestContext,
    brandId: string,
    rows: readonly ScimUserEntity[],
  ): Promise<ScimUserOut[]> {
    if (rows.length === 0) return [];
    const userIds = rows.map((row) => row.userId);
    const users = new Map(
      (await ctx.em.findBy(UserEntity, { id: In(userIds) })).map((u) => [u.id, u]),
    );
    const groups = new Map(
      (await ctx.em.findBy(ScimGroupEntity, { brandId })).map((g) => [g.id, g]),
    );
    const inGroups = await ctx.em.findBy(ScimGroupMemberEntity, { brandId, userId: In(userIds) });
    return rows.map((row) => {
      const user = users.get(row.userId) as UserEntity;
      const formatted = [row.givenName, row.familyName].filter(Boolean).join(' ') || user.name;
      return {
        id: row.userId,
        ...(row.externalId === null ? {} : { externalId: row.externalId }),
        userName: user.email,
        name: {
          ...(row.givenName === null ? {} : { givenName: row.givenName }),
          ...(row.familyName === null ? {} : { familyName: row.familyName }),
          formatted,
        },
        displayName: user.name,
        active: row.active,
        emails: [{ value: user.email, type: 'work', primary: true }],
        groups: inGroups
          .filter((m) => m.userId === row.userId)
          .map((m) => ({ value: m.groupId, display: groups.get(m.groupId)?.displayName ?? '' })),
        meta: { resourceType: 'User', created: row.createdAt, lastModified: row.updatedAt },
      };
    });
  }
}

/** userName as the account's email: lower-cased, and an email. */
function emailOf(input: ScimUserIn): string {
  const email = (input.userName ?? '').trim().toLowerCase();
  if (!isEmail(email) || email.length > 320) {
    throw scimError(400, 'invalidValue', 'userName must be the user’s email address');
  }
  return email;
}

function displayNameOf(input: ScimUserIn): string | undefined {
  const { givenName, familyName, formatted } = input.name ?? {};
  const name =
    input.displayName?.trim() ||
    formatted?.trim() ||
    [givenName, familyName].filter(Boolean).join(' ').trim();
  if (!name) return undefined;
  refuseBidiName(name, 'displayName');
  return name.slice(0, 200);
}

function recordOf(input: ScimUserIn | ScimUserEntity): ScimUserRecord {
  const name = 'userName' in input ? input.name : input;
  return {
    externalId: input.externalId?.slice(0, 256) ?? null,
    givenName: name?.givenName?.slice(0, 200) ?? null,
    familyName: name?.familyName?.slice(0, 200) ?? null,
    active: input.active ?? true,
  };
}
