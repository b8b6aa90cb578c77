import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { BrandEntity } from './brand.entity';
import { MembershipEntity } from './membership.entity';
import { Role } from './role';

/**
 * Refuses a change that would leave the brand without a member holding ADMIN: removing,
 * demoting or deactivating `userId` when nobody else holds it. On PostgreSQL the brand's row is
 * locked first, so two admins removing each other at once take turns and the second is refused;
 * SQLite's transactions take turns anyway.
 */
export async function requireAnotherAdmin(
  ctx: RequestContext,
  brandId: string,
  userId: string,
): Promise<void> {
  if (!(await hasAnotherAdmin(ctx, brandId, userId))) {
    throw DomainError.conflict(
      'A brand always keeps at least one ADMIN: this member is its last one. Give another member the ADMIN role first.',
    );
  }
}

/** Whether a member other than `userId` holds ADMIN in the brand (its row locked on PostgreSQL). */
export async function hasAnotherAdmin(
  ctx: RequestContext,
  brandId: string,
  userId: string,
): Promise<boolean> {
  if (ctx.dialect === 'postgres') {
    await ctx.em
      .createQueryBuilder(BrandEntity, 'b')
      .setLock('pessimistic_write')
      .where('b.id = :brandId', { brandId })
      .getOne();
  }
  const memberships = await ctx.em.findBy(MembershipEntity, { brandId });
  return memberships.some((m) => m.userId !== userId && m.roles.includes(Role.ADMIN));
}
