import { Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { requirePlatformAdmin, requireUser } from './brand-access';
import { MembersService } from './members.service';
import { MembershipEntity } from './membership.entity';
import { UserModel } from './models/user.model';
import { PasswordLinksService } from './password-links.service';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';

/**
 * A platform administrator deactivates a user: they sign in no more, every session and password
 * link of theirs ends, and they leave each brand they belonged to (each brand's audit trail records
 * `user.deactivated`, and keeps an ADMIN).
 */
@Injectable()
export class DeactivationService {
  constructor(
    private readonly members: MembersService,
    private readonly sessions: SessionsService,
    private readonly links: PasswordLinksService,
    private readonly clock: Clock,
  ) {}

  async deactivate(ctx: RequestContext, userId: string): Promise<UserModel> {
    requirePlatformAdmin(ctx);
    if (ctx.actor.kind === 'user' && requireUser(ctx).userId === userId) {
      throw DomainError.conflict(
        'You cannot deactivate yourself: ask another platform administrator',
      );
    }
    const user = await ctx.em.findOneBy(UserEntity, { id: userId });
    if (!user) throw DomainError.notFound('User');
    if (user.deactivatedAt) return UserModel.from(user);
    const memberships = await ctx.em.find(MembershipEntity, {
      where: { userId },
      order: { brandId: 'ASC' },
    });
    for (const membership of memberships) {
      await this.members.end(ctx, membership, 'DEACTIVATED', 'user.deactivated');
    }
    return UserModel.from(await this.closeAccount(ctx, user));
  }

  /**
   * The account part of a deactivation, for a user who belongs to no brand any more: they sign in
   * no more, and every session and password link of theirs ends (their next request is refused).
   * No authorization: the caller has established who asks (a platform administrator above; a
   * brand's identity provider ending its user's last membership through SCIM).
   */
  async closeAccount(ctx: RequestContext, user: UserEntity): Promise<UserEntity> {
    const deactivatedAt = this.clock.now();
    await ctx.em.update(UserEntity, { id: user.id }, { deactivatedAt });
    await this.sessions.endAll(ctx, user.id);
    await this.links.endAll(ctx, user.id);
    return { ...user, deactivatedAt };
  }

  /** Lets a user whose account `closeAccount` closed sign in again (SCIM reactivation). */
  async reopenAccount(ctx: RequestContext, user: UserEntity): Promise<UserEntity> {
    await ctx.em.update(UserEntity, { id: user.id }, { deactivatedAt: null });
    return { ...user, deactivatedAt: null };
  }
}
