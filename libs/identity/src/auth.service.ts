import { Injectable } from '@nestjs/common';
import { RequestContext, UserActor } from '@standpoint/database';
import { Authenticator, DomainError } from '@standpoint/graphql';
import { LoginThrottle } from './login-throttle';
import { MembershipEntity } from './membership.entity';
import { AuthPayloadModel } from './models/auth-payload.model';
import { UserModel } from './models/user.model';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

@Injectable()
export class AuthService implements Authenticator {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Signs a user in. An unknown email and a wrong password fail alike, in the same time. The
   * attempt is counted first; the password is checked outside any transaction (the resolver is
   * @ManagesOwnTransactions()), so that argon2's time holds no database turn or connection. Login
   * writes nothing: the token is signed, not stored.
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
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid) throw DomainError.unauthenticated('Invalid email or password');
    await this.throttle.succeeded(email, address);
    return Object.assign(new AuthPayloadModel(), {
      token: await this.tokens.issue(user.id),
      user: UserModel.from(user),
    });
  }

  /** The actor a valid access token stands for, with its roles per brand; undefined if none. */
  async authenticate(ctx: RequestContext, token: string): Promise<UserActor | undefined> {
    const userId = await this.tokens.userIdOf(token);
    return userId ? this.actorOf(ctx, userId) : undefined;
  }

  /** The user as an actor, with their roles per brand as they are now; undefined if no such user. */
  async actorOf(ctx: RequestContext, userId: string): Promise<UserActor | undefined> {
    const user = await ctx.em.findOneBy(UserEntity, { id: userId });
    if (!user) return undefined;
    const memberships = await ctx.em.findBy(MembershipEntity, { userId: user.id });
    return {
      kind: 'user',
      userId: user.id,
      email: user.email,
      platformAdmin: user.platformAdmin,
      brandRoles: new Map(memberships.map((m) => [m.brandId, m.roles])),
    };
  }
}
