import { Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx, ManagesOwnTransactions, Public, RequestWithContext } from '@standpoint/graphql';
import { AuthService } from './auth.service';
import { AuthPayloadModel } from './models/auth-payload.model';
import { UserModel } from './models/user.model';
import { PasswordResetsService } from './password-resets.service';
import { PasswordsService } from './passwords.service';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordsService,
    private readonly resets: PasswordResetsService,
  ) {}

  @Public()
  @ManagesOwnTransactions()
  @Mutation(() => AuthPayloadModel)
  login(
    @Ctx() ctx: RequestContext,
    @Args('email') email: string,
    @Args('password') password: string,
    @Context('req') request: RequestWithContext,
  ): Promise<AuthPayloadModel> {
    return this.auth.login(ctx, email, password, request.ip ?? 'unknown');
  }

  @Mutation(() => Boolean, {
    description: 'Ends the session of the token that calls it; that token is refused from then on.',
  })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.sessions.endCalling(ctx);
  }

  @ManagesOwnTransactions()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Sets a new password (the current one must be given) and ends every other session of the user.',
  })
  changePassword(
    @Ctx() ctx: RequestContext,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @Context('req') request: RequestWithContext,
  ): Promise<AuthPayloadModel> {
    return this.passwords.change(ctx, currentPassword, newPassword, request.ip ?? 'unknown');
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Emails a single-use link to choose a new password. Answers true whether or not the address is known.',
  })
  requestPasswordReset(
    @Ctx() ctx: RequestContext,
    @Args('email') email: string,
    @Context('req') request: RequestWithContext,
  ): Promise<boolean> {
    return this.resets.request(ctx, email, request.ip ?? 'unknown');
  }

  @Query(() => UserModel)
  viewer(@Ctx() ctx: RequestContext): Promise<UserModel> {
    return this.users.viewer(ctx);
  }
}
