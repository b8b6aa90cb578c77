import { ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { BrandsService } from './brands.service';
import { AddMemberInput } from './inputs/add-member.input';
import { MembersService } from './members.service';
import { BrandModel } from './models/brand.model';
import { MembershipModel } from './models/membership.model';
import { UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver(() => MembershipModel)
export class MembersResolver {
  constructor(
    private readonly members: MembersService,
    private readonly brands: BrandsService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => MembershipModel)
  addMember(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AddMemberInput,
  ): Promise<MembershipModel> {
    return this.members.add(ctx, input);
  }

  @Mutation(() => BrandModel, {
    description:
      'Takes a member out of a brand: at once their tokens no longer reach it, their decision links stop working and they leave the steps they were eligible on.',
  })
  removeMember(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<BrandModel> {
    return this.members.remove(ctx, brandId, userId);
  }

  @ResolveField(() => BrandModel)
  brand(@Ctx() ctx: RequestContext, @Parent() membership: MembershipModel): Promise<BrandModel> {
    return this.brands.get(ctx, membership.brandId);
  }

  @ResolveField(() => UserModel)
  user(@Ctx() ctx: RequestContext, @Parent() membership: MembershipModel): Promise<UserModel> {
    return this.users.get(ctx, membership.userId);
  }
}
