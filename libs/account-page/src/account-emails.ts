import { Injectable } from '@nestjs/common';
import { actorUserId, Clock, RequestContext } from '@standpoint/database';
import { AuditContribution } from '@standpoint/events';
import {
  BrandEntity,
  MemberAdded,
  PASSWORD_LINK_LIFETIME_MS,
  SsoRequirement,
  UserEntity,
} from '@standpoint/identity';
import { OutboxService } from '@standpoint/notifications';
import {
  passwordResetEmail,
  SsoSignInFacts,
  ssoSignInEmail,
  welcomeEmail,
} from './account-link-emails';

/**
 * The emails that carry a password link, queued on the outbox in the change's transaction: a
 * welcome for a new member who has no password yet, a reset link for a user who asked for one.
 * A member of a brand that requires single sign-on, and a new member the brand's identity provider
 * added, get their provider's sign-in link instead, and no password link (docs/sso.md).
 */
@Injectable()
export class AccountEmails {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly sso: SsoRequirement,
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
    const user = await ctx.em.findOneByOrFail(UserEntity, { id: added.user.id });
    const signIn = await this.signInOf(ctx, user, added.brandId);
    if (signIn) {
      await this.outbox.emailMembers(ctx, {
        brandId: added.brandId,
        topic: 'account.welcome',
        recipientUserIds: [added.user.id],
        payload: { userId: added.user.id },
        render: (to) => ssoSignInEmail({ ...signIn, brandName: brand.name }, to),
      });
      return {};
    }
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
    const signIn = await this.sso.of(ctx.em, user);
    if (signIn) {
      await this.outbox.emailMembers(ctx, {
        brandId: null,
        topic: 'account.password_reset',
        recipientUserIds: [user.id],
        payload: { userId: user.id },
        render: (to) => ssoSignInEmail({ ...signIn, required: true }, to),
      });
      return;
    }
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

  /**
   * Where a new member signs in instead of choosing a password: the provider a brand of theirs
   * requires; or, when the brand's identity provider added them (SCIM, or their first sign-in
   * through it), the provider that serves the brand, if it vouches for their address. A password
   * would be a second credential, outside the company's identity provider.
   */
  private async signInOf(
    ctx: RequestContext,
    user: UserEntity,
    brandId: string,
  ): Promise<SsoSignInFacts | null> {
    const required = await this.sso.of(ctx.em, user);
    if (required) return { ...required, required: true };
    if (ctx.actor.kind !== 'scim' && ctx.actor.kind !== 'sso') return null;
    const serving = await this.sso.ofBrand(ctx.em, brandId, user);
    return serving && { ...serving, required: false };
  }

  private expiry(purpose: keyof typeof PASSWORD_LINK_LIFETIME_MS): Date {
    return new Date(this.clock.now().getTime() + PASSWORD_LINK_LIFETIME_MS[purpose]);
  }
}
