import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { In } from 'typeorm';
import { Operation } from './access-policy';
import { requireAnotherAdmin } from './admins-kept';
import { requireBrandOperation } from './brand-access';
import { BrandsService } from './brands.service';
import { identityLoaders } from './identity.loaders';
import { AddMemberInput } from './inputs/add-member.input';
import { MembershipEntity } from './membership.entity';
import { BrandModel } from './models/brand.model';
import { MembershipModel } from './models/membership.model';
import { PasswordHasher } from './password-hasher';
import { PasswordStrength } from './password-strength';
import { normalizeRoles, Role } from './role';
import { DEFAULT_TIME_ZONE, requireTimeZone } from './time-zone';
import { UserEntity } from './user.entity';

@Injectable()
export class MembersService {
  constructor(
    private readonly audit: AuditService,
    private readonly brands: BrandsService,
    private readonly hasher: PasswordHasher,
    private readonly strength: PasswordStrength,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Gives a person roles in a brand: creates the user if the email is new, sets the membership's
   * roles to exactly those given. Giving someone the roles they already have changes nothing and
   * records nothing. A new member who has no password yet is welcomed with a link to choose one;
   * in production nobody else may choose it for them.
   */
  async add(ctx: RequestContext, input: AddMemberInput): Promise<MembershipModel> {
    requireBrandOperation(ctx, input.brandId, Operation.MANAGE_MEMBERS);
    if (input.password !== undefined && input.password !== null && this.config.production) {
      throw DomainError.invalidField([
        {
          field: 'input.password',
          rule: 'welcomeLink',
          message:
            'nobody chooses another person’s password: leave it out, and the new member gets a welcome email with a link to choose their own',
        },
      ]);
    }
    const brand = await this.brands.get(ctx, input.brandId);
    const roles = normalizeRoles(input.roles);
    const user = await this.findOrCreateUser(ctx, input, brand);
    return this.grant(ctx, input.brandId, user, roles);
  }

  /**
   * Sets `user`'s roles in a brand to exactly `roles` (normalized), making the membership if
   * there is none, recorded as `member.added` or `member.roles_changed`; the brand keeps an ADMIN.
   * No authorization: the caller has established who asks (an ADMIN through `add`, the brand's
   * identity provider through SCIM).
   */
  async grant(
    ctx: RequestContext,
    brandId: string,
    user: UserEntity,
    roles: Role[],
  ): Promise<MembershipModel> {
    const memberships = ctx.em.getRepository(MembershipEntity);
    const existing = await memberships.findOneBy({ brandId, userId: user.id });
    if (existing && sameRoles(existing.roles, roles)) return MembershipModel.from(existing);
    if (existing?.roles.includes(Role.ADMIN) && !roles.includes(Role.ADMIN)) {
      await requireAnotherAdmin(ctx, brandId, user.id);
    }

    const membership =
      existing ??
      memberships.create({
        id: newId('mbr'),
        brandId,
        userId: user.id,
        createdAt: this.clock.now(),
      });
    const previousRoles = existing?.roles ?? [];
    membership.roles = roles;
    await memberships.save(membership);
    if (existing) {
      await this.audit.append(
        ctx,
        {
          brandId,
          action: 'member.roles_changed',
          entityType: 'Membership',
          entityId: membership.id,
          data: { userId: user.id, email: user.email, from: previousRoles, to: roles },
        },
        {
          brandId,
          userId: user.id,
          from: previousRoles,
          to: roles,
          why: 'ROLES_CHANGED',
        },
      );
    } else {
      await this.audit.append(
        ctx,
        {
          brandId,
          action: 'member.added',
          entityType: 'Membership',
          entityId: membership.id,
          data: { userId: user.id, email: user.email, name: user.name, roles },
        },
        {
          brandId,
          user: { id: user.id, email: user.email, name: user.name },
          roles,
          needsPassword: user.passwordHash === null,
        },
      );
    }
    return MembershipModel.from(membership);
  }

  /**
   * Takes a member out of a brand: from their next request their tokens no longer reach it, and
   * the features that follow memberships let go of them (steps, decision links). The brand keeps
   * at least one ADMIN.
   */
  async remove(ctx: RequestContext, brandId: string, userId: string): Promise<BrandModel> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    const brand = await this.brands.get(ctx, brandId);
    const membership = await ctx.em.findOneBy(MembershipEntity, { brandId, userId });
    if (!membership) throw DomainError.notFound('Member');
    await this.end(ctx, membership, 'REMOVED', 'member.removed');
    return brand;
  }

  /**
   * Ends one membership, `why` it ends: the brand keeps an ADMIN, and the brand's audit trail
   * records `action`, which the followers of memberships hear of.
   */
  async end(
    ctx: RequestContext,
    membership: MembershipEntity,
    why: 'REMOVED' | 'DEACTIVATED',
    action: 'member.removed' | 'user.deactivated',
  ): Promise<void> {
    const { brandId, userId, roles } = membership;
    if (roles.includes(Role.ADMIN)) await requireAnotherAdmin(ctx, brandId, userId);
    await ctx.em.delete(MembershipEntity, { id: membership.id });
    const user = await ctx.em.findOneByOrFail(UserEntity, { id: userId });
    await this.audit.append(
      ctx,
      {
        brandId,
        action,
        entityType: 'Membership',
        entityId: membership.id,
        data: { userId, email: user.email, roles },
      },
      { brandId, userId, from: roles, to: [], why },
    );
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

  private async findOrCreateUser(
    ctx: RequestContext,
    input: AddMemberInput,
    brand: BrandModel,
  ): Promise<UserEntity> {
    // Refused whether or not the user is new: a bad name is a bad input either way.
    const timeZone = input.timeZone
      ? requireTimeZone(input.timeZone, 'input.timeZone')
      : DEFAULT_TIME_ZONE;
    const users = ctx.em.getRepository(UserEntity);
    const email = input.email.trim().toLowerCase();
    const existing = await users.findOneBy({ email });
    if (existing?.deactivatedAt) {
      throw DomainError.conflict(
        'This user is deactivated: a deactivated user cannot be a member again',
      );
    }
    if (existing) return existing;
    const name = input.name.trim();
    if (input.password) {
      this.strength.require(
        input.password,
        { name, email, brandNames: [brand.name] },
        'input.password',
      );
    }
    const user = users.create({
      id: newId('usr'),
      email,
      name,
      passwordHash: input.password ? await this.hasher.hash(input.password) : null,
      platformAdmin: false,
      timeZone,
      createdAt: this.clock.now(),
      deactivatedAt: null,
    });
    await users.insert(user);
    return user;
  }
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((role, i) => role === b[i]);
}
