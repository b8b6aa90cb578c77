import { Injectable } from '@nestjs/common';
import { actorUserId, Clock, RequestContext } from '@standpoint/database';
import { AuditContribution } from '@standpoint/events';
import {
  BrandEntity,
  MemberAdded,
  PASSWORD_LINK_LIFETIME_MS,
  UserEntity,
} from '@standpoint/identity';
import { OutboxService } from '@standpoint/notifications';
import { passwordResetEmail, welcomeEmail } from './account-link-emails';

/**
 * The emails that carry a password link, queued on the outbox in the change's transaction: a
 * welcome for a new member who has no password yet, a reset link for a user who asked for one.
 */
@Injectable()
export class AccountEmails {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** Runs as a new member is added; its answer joins the `member.added` event. */
  async welcome(
    ctx: RequestContext,
    added: MemberAdded,
  ): Promise<AuditContribution<'member.added'>> {
    if (!added.needsPassword) return {};
    const brand = await ctx.em.findOneByOrFail(BrandEntity, { id: added.brandId });
    const byId = actorUserId(ctx.actor);
    const by = byId ? await ctx.em.findOneBy(UserEntity, { id: byId }) : null;
    const expiresAt = this.expiry('WELCOME');
    await this.outbox.emailMembers(ctx, {
      brandId: added.brandId,
      topic: 'account.welcome',
      recipientUserIds: [added.user.id],
      payload: { userId: added.user.id, expiresAt },
      passwordLink: 'WELCOME',
      render: (to) =>
        welcomeEmail(
          {
            brandName: brand.name,
            addedByName: by?.name ?? 'An administrator',
            roles: added.roles,
            expiresAt,
          },
          to,
        ),
    });
    return { welcomeLinkSent: true };
  }

  /** A reset link for an active user who asked for one; it belongs to no brand. */
  async reset(ctx: RequestContext, user: UserEntity): Promise<void> {
    const expiresAt = this.expiry('RESET');
    await this.outbox.emailMembers(ctx, {
      brandId: null,
      topic: 'account.password_reset',
      recipientUserIds: [user.id],
      payload: { userId: user.id, expiresAt },
      passwordLink: 'RESET',
      render: (to) => passwordResetEmail({ expiresAt }, to),
    });
  }

  private expiry(purpose: keyof typeof PASSWORD_LINK_LIFETIME_MS): Date {
    return new Date(this.clock.now().getTime() + PASSWORD_LINK_LIFETIME_MS[purpose]);
  }
}
