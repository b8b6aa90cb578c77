import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Ctx } from '@standpoint/graphql';
import { MembershipModel } from './models/membership.model';
import { UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => [MembershipModel])
  memberships(@Ctx() ctx: RequestContext, @Parent() user: UserModel): Promise<MembershipModel[]> {
    return this.users.visibleMemberships(ctx, user.id);
  }
}
