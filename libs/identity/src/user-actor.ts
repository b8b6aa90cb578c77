import { RequestContext, UserActor } from '@standpoint/database';
import { IsNull } from 'typeorm';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';

/** The user as an actor, with their roles per brand as they are now. */
export async function userActor(
  ctx: RequestContext,
  user: UserEntity,
  sessionId?: string,
): Promise<UserActor> {
  const memberships = await ctx.em.findBy(MembershipEntity, { userId: user.id });
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    platformAdmin: user.platformAdmin,
    ...(sessionId ? { sessionId } : {}),
    brandRoles: new Map(memberships.map((m) => [m.brandId, m.roles])),
  };
}

/**
 * The active user with this email as an actor, or undefined: for an operator's command that acts
 * as a member (`--as <email>`), with exactly that member's rights.
 */
export async function activeUserActor(
  ctx: RequestContext,
  email: string,
): Promise<UserActor | undefined> {
  const user = await ctx.em.findOneBy(UserEntity, {
    email: email.trim().toLowerCase(),
    deactivatedAt: IsNull(),
  });
  return user ? userActor(ctx, user) : undefined;
}
