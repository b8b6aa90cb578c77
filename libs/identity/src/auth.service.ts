import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionRunner, UserActor } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Authenticator } from '@standpoint/graphql';
import { IsNull } from 'typeorm';
import { LoginThrottle } from './login-throttle';
import { AuthPayloadModel } from './models/auth-payload.model';
import { UserModel } from './models/user.model';
import { SsoRequirement } from './sso/sso-requirement';
import { PasswordHasher } from './password-hasher';
import { SessionEntity } from './session.entity';
import { SessionsService } from './sessions.service';
import { TokenService } from './token.service';
import { userActor } from './user-actor';
import { UserEntity } from './user.entity';

@Injectable()
export class AuthService implements Authenticator {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionsService,
    private readonly transactions: TransactionRunner,
    private readonly sso: SsoRequirement,
  ) {}

  /**
   * Signs a user in. An unknown email, a wrong password and a deactivated account fail alike, in
   * the same time. The attempt is counted first; the password is checked outside any transaction
   * (the resolver is @ManagesOwnTransactions()), so that argon2's time holds no database turn or
   * connection; only then is the session written, in a short transaction of its own. A member
   * of a brand that requires single sign-on is refused before any password is checked, with
   * SSO_REQUIRED naming their provider's sign-in (platform administrators keep their password).
   */
  async login(
    ctx: RequestContext,
    rawEmail: string,
    password: string,
    address: string,
  ): Promise<AuthPayloadModel> {
    const email = rawEmail.trim().toLowerCase();
    await this.throttle.attempt(email, address);
    const user = await ctx.em.findOneBy(UserEntity, { email });
    const required = user && !user.deactivatedAt ? await this.sso.of(ctx.em, user) : null;
    if (required) throw DomainError.ssoRequired(required.providerName, required.signInUrl);
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid || user.deactivatedAt) {
      throw DomainError.unauthenticated('Invalid email or password');
    }
    await this.throttle.succeeded(email, address);
    const session = await this.transactions.run(ctx, () => this.sessions.start(ctx, user.id));
    return this.payload(user, session.id);
  }

  /** An answer carrying a new token for the session. */
  async payload(user: UserEntity, sessionId: string): Promise<AuthPayloadModel> {
    return Object.assign(new AuthPayloadModel(), {
      token: await this.tokens.issue({ userId: user.id, sessionId }),
      user: UserModel.from(user),
    });
  }

  /**
   * The actor a valid access token stands for, with its roles per brand; undefined if none. The
   * user is read through their session, in the one indexed lookup authentication always made: a
   * session ended (sign-out, password change, reset, deactivation) or a deactivated user finds no
   * row, so the token stops working on its very next request.
   */
  async authenticate(ctx: RequestContext, token: string): Promise<UserActor | undefined> {
    const subject = await this.tokens.subjectOf(token);
    if (!subject) return undefined;
    const user = await ctx.em
      .createQueryBuilder(UserEntity, 'u')
      .innerJoin(SessionEntity, 's', 's.userId = u.id')
      .where('s.id = :sessionId AND u.id = :userId AND u.deactivatedAt IS NULL', subject)
      .getOne();
    return user ? userActor(ctx, user, subject.sessionId) : undefined;
  }

  /** The active user as an actor, with their roles per brand as they are now; undefined if none. */
  async actorOf(ctx: RequestContext, userId: string): Promise<UserActor | undefined> {
    const user = await ctx.em.findOneBy(UserEntity, { id: userId, deactivatedAt: IsNull() });
    return user ? userActor(ctx, user) : undefined;
  }
}
