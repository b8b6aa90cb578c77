import { RequestContext } from '@standpoint/database';
import { MembershipEntity, UserEntity } from '@standpoint/identity';
import { SlackWorkspaceEntity } from './slack-workspace.entity';

/**
 * Makes the request act as the member a verified Slack request stands for, in the workspace's
 * brand only and with their roles there now. Null (and no actor) when they are no longer a member.
 */
export async function actAsMember(
  ctx: RequestContext,
  workspace: SlackWorkspaceEntity,
  userId: string,
): Promise<UserEntity | null> {
  const user = await ctx.em.findOneBy(UserEntity, { id: userId });
  const membership = await ctx.em.findOneBy(MembershipEntity, {
    brandId: workspace.brandId,
    userId,
  });
  if (!user || !membership) return null;
  ctx.actor = {
    kind: 'slack',
    userId: user.id,
    email: user.email,
    brandId: workspace.brandId,
    roles: membership.roles,
  };
  return user;
}
