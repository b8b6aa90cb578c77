import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { In } from 'typeorm';
import { Operation } from './access-policy';
import { requireBrandOperation } from './brand-access';
import { BrandsService } from './brands.service';
import { identityLoaders } from './identity.loaders';
import { AddMemberInput } from './inputs/add-member.input';
import { MembershipEntity } from './membership.entity';
import { MembershipModel } from './models/membership.model';
import { PasswordHasher } from './password-hasher';
import { normalizeRoles } from './role';
import { UserEntity } from './user.entity';

@Injectable()
export class MembersService {
  constructor(
    private readonly audit: AuditService,
    private readonly brands: BrandsService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  /**
   * Gives a person roles in a brand: creates the user if the email is new, sets the membership's
   * roles to exactly those given. Giving someone the roles they already have changes nothing and
   * records nothing.
   */
  async add(ctx: RequestContext, input: AddMemberInput): Promise<MembershipModel> {
    requireBrandOperation(ctx, input.brandId, Operation.MANAGE_MEMBERS);
    await this.brands.get(ctx, input.brandId);
    const roles = normalizeRoles(input.roles);
    const user = await this.findOrCreateUser(ctx, input);
    const memberships = ctx.em.getRepository(MembershipEntity);
    const existing = await memberships.findOneBy({ brandId: input.brandId, userId: user.id });
    if (existing && sameRoles(existing.roles, roles)) return MembershipModel.from(existing);

    const membership =
      existing ??
      memberships.create({
        id: newId('mbr'),
        brandId: input.brandId,
        userId: user.id,
        createdAt: this.clock.now(),
      });
    const previousRoles = existing?.roles ?? [];
    membership.roles = roles;
    await memberships.save(membership);
    await this.audit.append(ctx, {
      brandId: input.brandId,
      action: existing ? 'member.roles_changed' : 'member.added',
      entityType: 'Membership',
      entityId: membership.id,
      data: existing
        ? { userId: user.id, email: user.email, from: previousRoles, to: roles }
        : { userId: user.id, email: user.email, name: user.name, roles },
    });
    return MembershipModel.from(membership);
  }

  async ofBrand(ctx: RequestContext, brandId: string): Promise<MembershipModel[]> {
    requireBrandOperation(ctx, brandId, Operation.READ_BRAND);
    return (await identityLoaders.membershipsByBrand(ctx).load(brandId)).map(MembershipModel.from);
  }

  /** The members of a brand with these emails (lower-case), as user ids by email. */
  async membersByEmail(
    ctx: RequestContext,
    brandId: string,
    emails: readonly string[],
  ): Promise<Map<string, string>> {
    if (emails.length === 0) return new Map();
    const users = await ctx.em.findBy(UserEntity, { email: In([...emails]) });
    const memberships = await identityLoaders.membershipsByBrand(ctx).load(brandId);
    const memberIds = new Set(memberships.map((m) => m.userId));
    return new Map(users.filter((u) => memberIds.has(u.id)).map((u) => [u.email, u.id]));
  }

  private async findOrCreateUser(ctx: RequestContext, input: AddMemberInput): Promise<UserEntity> {
    const users = ctx.em.getRepository(UserEntity);
    const email = input.email.trim().toLowerCase();
    const existing = await users.findOneBy({ email });
    if (existing) return existing;
    const user = users.create({
      id: newId('usr'),
      email,
      name: input.name.trim(),
      passwordHash: input.password ? await this.hasher.hash(input.password) : null,
      platformAdmin: false,
      createdAt: this.clock.now(),
    });
    await users.insert(user);
    return user;
  }
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((role, i) => role === b[i]);
}
