import { RequestContext, rowsById, rowsGroupedBy } from '@standpoint/database';
import { BrandEntity } from './brand.entity';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';

/** Per-request batch loaders, so nested lists cost one query per level, not one per parent. */
export const identityLoaders = {
  userById: (ctx: RequestContext) => rowsById(ctx, UserEntity),
  brandById: (ctx: RequestContext) => rowsById(ctx, BrandEntity),
  membershipsByBrand: (ctx: RequestContext) =>
    rowsGroupedBy(ctx, MembershipEntity, 'brandId', { createdAt: 'ASC', id: 'ASC' }),
  membershipsByUser: (ctx: RequestContext) =>
    rowsGroupedBy(ctx, MembershipEntity, 'userId', { createdAt: 'ASC', id: 'ASC' }),
};

/** The users with these ids, in id order, through the request's loader (missing ones left out). */
export async function loadUsers(
  ctx: RequestContext,
  ids: readonly string[],
): Promise<UserEntity[]> {
  const users: UserEntity[] = [];
  for (const user of await identityLoaders.userById(ctx).loadMany([...new Set(ids)])) {
    if (user instanceof Error) throw user;
    if (user) users.push(user);
  }
  return users.sort((a, b) => (a.id < b.id ? -1 : 1));
}
