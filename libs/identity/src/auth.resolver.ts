import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Ctx, ManagesOwnTransactions, Public, RequestWithContext } from '@standpoint/graphql';
import { AuthService } from './auth.service';
import { AuthPayloadModel } from './models/auth-payload.model';
import { UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
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

  @Query(() => UserModel)
  viewer(@Ctx() ctx: RequestContext): Promise<UserModel> {
    return this.users.viewer(ctx);
  }
}
