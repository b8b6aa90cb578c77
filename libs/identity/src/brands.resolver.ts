import { ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { BrandsService } from './brands.service';
import { CreateBrandInput } from './inputs/create-brand.input';
import { MembersService } from './members.service';
import { BrandModel } from './models/brand.model';
import { MembershipModel } from './models/membership.model';

@Resolver(() => BrandModel)
export class BrandsResolver {
  constructor(
    private readonly brands: BrandsService,
    private readonly memberships: MembersService,
  ) {}

  @Query(() => [BrandModel], { name: 'brands' })
  visibleBrands(@Ctx() ctx: RequestContext): Promise<BrandModel[]> {
    return this.brands.visible(ctx);
  }

  @Query(() => BrandModel, { nullable: true })
  brand(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BrandModel> {
    return this.brands.get(ctx, id);
  }

  @Mutation(() => BrandModel)
  createBrand(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CreateBrandInput,
  ): Promise<BrandModel> {
    return this.brands.create(ctx, input);
  }

  @ResolveField(() => [MembershipModel])
  members(@Ctx() ctx: RequestContext, @Parent() brand: BrandModel): Promise<MembershipModel[]> {
    return this.memberships.ofBrand(ctx, brand.id);
  }
}
