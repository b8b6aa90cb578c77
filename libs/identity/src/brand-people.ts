import { RequestContext } from '@standpoint/database';
import { identityLoaders } from './identity.loaders';
import { MembershipEntity } from './membership.entity';

/**
 * Reads a brand with its memberships and their users in one statement, and keeps them in the
 * request's loaders (`identityLoaders`): a change that will judge, name and email several of the
 * brand's people (a decision) then reads none of them again. Inside a transaction the loaders live
 * as long as it does.
 */
export async function preloadBrandPeople(ctx: RequestContext, brandId: string): Promise<void> {
  const rows = await ctx.em.find(MembershipEntity, {
    where: { brandId },
    relations: { brand: true, user: true },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const memberships: MembershipEntity[] = [];
  for (const { brand, user, ...membership } of rows) {
    if (brand) identityLoaders.brandById(ctx).prime(brand.id, brand);
    if (user) identityLoaders.userById(ctx).prime(user.id, user);
    memberships.push(membership);
  }
  identityLoaders.membershipsByBrand(ctx).prime(brandId, memberships);
}
