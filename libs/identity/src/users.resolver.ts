import { ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { DeactivationService } from './deactivation.service';
import { MembershipModel } from './models/membership.model';
import { UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly deactivation: DeactivationService,
  ) {}

  @Mutation(() => UserModel, {
    description:
      'Platform administrators only: the user can no longer sign in, and every session of theirs ends at once.',
  })
  deactivateUser(
    @Ctx() ctx: RequestContext,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<UserModel> {
    return this.deactivation.deactivate(ctx, userId);
  }

  @Mutation(() => UserModel, {
    description:
      'Sets the time zone (an IANA name such as Europe/Paris) your emails and calendar feed show times in.',
  })
  setMyTimeZone(
    @Ctx() ctx: RequestContext,
    @Args('timeZone') timeZone: string,
  ): Promise<UserModel> {
    return this.users.setTimeZone(ctx, timeZone);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The IANA time zone the user reads times in (UTC until they choose one). Only the user themselves reads it; null for anyone else.',
  })
  timeZone(@Ctx() ctx: RequestContext, @Parent() user: UserModel): string | null {
    return this.users.timeZoneOf(ctx, user);
  }

  @ResolveField(() => [MembershipModel])
  memberships(@Ctx() ctx: RequestContext, @Parent() user: UserModel): Promise<MembershipModel[]> {
    return this.users.visibleMemberships(ctx, user.id);
  }
}
