import { Injectable } from '@nestjs/common';
import { Clock, RequestContext, TransactionRunner } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { In } from 'typeorm';
import { AuthService } from './auth.service';
import { requireUser } from './brand-access';
import { BrandEntity } from './brand.entity';
import { LoginThrottle } from './login-throttle';
import { MembershipEntity } from './membership.entity';
import { RequiredSignIn, SsoRequirement } from './sso/sso-requirement';
import { AuthPayloadModel } from './models/auth-payload.model';
import { PasswordHasher } from './password-hasher';
import { PasswordLinkEntity } from './password-link.entity';
import { PasswordLinksService } from './password-links.service';
import { PasswordContext, PasswordStrength } from './password-strength';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';

/** Where a password link stands, for the page that opens it. */
export type PasswordLinkStanding =
  | { kind: 'UNKNOWN' }
  | { kind: 'USED' | 'EXPIRED' | 'INACTIVE' }
  /** The user signs in through their brand's provider: no password is set for them. */
  | { kind: 'SSO_REQUIRED'; signIn: RequiredSignIn }
  | { kind: 'OPEN'; link: PasswordLinkEntity; user: UserEntity };

/** What setting a password through a link came to. */
export type PasswordSetOutcome =
  | Exclude<PasswordLinkStanding, { kind: 'OPEN' }>
  | { kind: 'WEAK'; problem: string }
  | { kind: 'SET'; email: string };

/**
 * A user's own password: changed with the current one, or set once through an emailed link.
 * Either way argon2 runs outside any transaction, and the short transaction that stores the hash
 * ends the sessions the change must end.
 */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly strength: PasswordStrength,
    private readonly sessions: SessionsService,
    private readonly links: PasswordLinksService,
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly sso: SsoRequirement,
  ) {}

  /**
   * Sets a new password for the caller, who proves the current one (counted like a sign-in, so a
   * stolen token cannot guess it freely); every other session ends, and the answer carries a new
   * token for this one.
   */
  async change(
    ctx: RequestContext,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<AuthPayloadModel> {
    const actor = requireUser(ctx);
    const sessionId = actor.sessionId;
    if (!sessionId) throw DomainError.unauthenticated();
    await this.throttle.attempt(actor.email, address);
    const user = await ctx.em.findOneByOrFail(UserEntity, { id: actor.userId });
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw DomainError.invalidField([
        {
          field: 'currentPassword',
          rule: 'currentPassword',
          message: 'is not your current password',
        },
      ]);
    }
    await this.throttle.succeeded(actor.email, address);
    this.strength.require(newPassword, await this.contextOf(ctx, user), 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    await this.transactions.run(ctx, async () => {
      await ctx.em.update(UserEntity, { id: user.id }, { passwordHash });
      await this.sessions.endAll(ctx, user.id, sessionId);
      await this.sessions.renew(ctx, sessionId);
      await this.links.endAll(ctx, user.id);
    });
    return this.auth.payload(user, sessionId);
  }

  /** What a password link's page shows; reads only. */
  async standing(ctx: RequestContext, token: string): Promise<PasswordLinkStanding> {
    const link = await this.links.open(ctx.em, token);
    if (!link) return { kind: 'UNKNOWN' };
    const user = await ctx.em.findOneBy(UserEntity, { id: link.userId });
    if (!user || user.deactivatedAt) return { kind: 'INACTIVE' };
    if (link.usedAt) return { kind: 'USED' };
    if (link.expiresAt.getTime() <= this.clock.now().getTime()) return { kind: 'EXPIRED' };
    const signIn = await this.sso.of(ctx.em, user);
    if (signIn) return { kind: 'SSO_REQUIRED', signIn };
    return { kind: 'OPEN', link, user };
  }

  /**
   * Sets the password a link allows, once: a weak one is refused and leaves the link as it was; a
   * strong one uses the link up, along with every other link of the user, and ends all their
   * sessions.
   */
  async setWithLink(
    ctx: RequestContext,
    token: string,
    password: string,
  ): Promise<PasswordSetOutcome> {
    const opened = await this.standing(ctx, token);
    if (opened.kind !== 'OPEN') return opened;
    const { link, user } = opened;
    const problem = this.strength.problem(password, await this.contextOf(ctx, user));
    if (problem) return { kind: 'WEAK', problem };
    const passwordHash = await this.hasher.hash(password);
    return this.transactions.run(ctx, async (): Promise<PasswordSetOutcome> => {
      if (!(await this.links.consume(ctx.em, link.id))) return { kind: 'USED' };
      await ctx.em.update(UserEntity, { id: user.id }, { passwordHash });
      await this.links.endAll(ctx, user.id);
      await this.sessions.endAll(ctx, user.id);
      return { kind: 'SET', email: user.email };
    });
  }

  /** The words a password of this user must not be made of: their name, email and brands. */
  private async contextOf(ctx: RequestContext, user: UserEntity): Promise<PasswordContext> {
    const memberships = await ctx.em.findBy(MembershipEntity, { userId: user.id });
    const brands = memberships.length
      ? await ctx.em.findBy(BrandEntity, { id: In(memberships.map((m) => m.brandId)) })
      : [];
    return { name: user.name, email: user.email, brandNames: brands.map((b) => b.name) };
  }
}
