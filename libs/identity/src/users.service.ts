import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { canSeeBrand, isPlatformAdmin, requireUser } from './brand-access';
import { identityLoaders } from './identity.loaders';
import { MembershipModel } from './models/membership.model';
import { UserModel } from './models/user.model';
import { requireTimeZone } from './time-zone';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  async viewer(ctx: RequestContext): Promise<UserModel> {
    return this.get(ctx, requireUser(ctx).userId);
  }

  /** A user the viewer may see: themselves, someone sharing a brand with them, or anyone for a platform admin. */
  async get(ctx: RequestContext, userId: string): Promise<UserModel> {
    const user = await identityLoaders.userById(ctx).load(userId);
    if (!user) throw DomainError.notFound('User');
    const sharesBrand = async () =>
      (await identityLoaders.membershipsByUser(ctx).load(userId)).some((m) =>
        canSeeBrand(ctx, m.brandId),
      );
    const self = ctx.actor.kind === 'user' && ctx.actor.userId === userId;
    if (!self && !isPlatformAdmin(ctx) && !(await sharesBrand()))
      throw DomainError.notFound('User');
    return UserModel.from(user);
  }

  /**
   * A user named by brand data the caller has already been allowed to read (an author, an
   * approver): shown even if they have left the brand since.
   */
  async referenced(ctx: RequestContext, userId: string): Promise<UserModel> {
    const user = await identityLoaders.userById(ctx).load(userId);
    if (!user) throw DomainError.notFound('User');
    return UserModel.from(user);
  }

  /** Sets the caller's own time zone, refusing a name that is no IANA zone. */
  async setTimeZone(ctx: RequestContext, timeZone: string): Promise<UserModel> {
    const userId = requireUser(ctx).userId;
    const canonical = requireTimeZone(timeZone, 'timeZone');
    await ctx.em.update(UserEntity, { id: userId }, { timeZone: canonical });
    return UserModel.from(await ctx.em.findOneByOrFail(UserEntity, { id: userId }));
  }

  /** A user's time zone, for the user themselves only: it says where they are. */
  timeZoneOf(ctx: RequestContext, user: UserModel): string | null {
    const self = ctx.actor.kind === 'user' && ctx.actor.userId === user.id;
    return self ? user.storedTimeZone : null;
  }

  /** A user's memberships in the brands the viewer may see, and no others. */
  async visibleMemberships(ctx: RequestContext, userId: string): Promise<MembershipModel[]> {
    const memberships = await identityLoaders.membershipsByUser(ctx).load(userId);
    return memberships.filter((m) => canSeeBrand(ctx, m.brandId)).map(MembershipModel.from);
  }
}
