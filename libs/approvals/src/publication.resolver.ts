import { ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { BrandModel, BrandsService, UserModel, UsersService } from '@standpoint/identity';
import {
  Channel,
  ContentFreezeModel,
  ProposalResult,
  ProposalResultType,
} from '@standpoint/proposals';
import { FreezesService } from './freezes.service';
import {
  MarkPublishedInput,
  ReasonInput,
  ScheduleInput,
  StartContentFreezeInput,
} from './inputs/publication.input';
import { PublicationService } from './publication.service';

@Resolver()
export class PublicationResolver {
  constructor(
    private readonly publication: PublicationService,
    private readonly freezes: FreezesService,
    private readonly brands: BrandsService,
  ) {}

  @Mutation(() => ProposalResult)
  schedule(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ScheduleInput,
  ): Promise<ProposalResultType> {
    return this.publication.schedule(ctx, input);
  }

  @Mutation(() => ProposalResult)
  markPublished(
    @Ctx() ctx: RequestContext,
    @Args('input') input: MarkPublishedInput,
  ): Promise<ProposalResultType> {
    return this.publication.markPublished(ctx, input);
  }

  @Mutation(() => ProposalResult)
  withdraw(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ReasonInput,
  ): Promise<ProposalResultType> {
    return this.publication.withdraw(ctx, input);
  }

  @Mutation(() => ProposalResult)
  retract(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ReasonInput,
  ): Promise<ProposalResultType> {
    return this.publication.retract(ctx, input);
  }

  @Query(() => Boolean, {
    description:
      "Whether this exact text (after the content hash's normalisation) is the current approved revision's text for this channel of an APPROVED, SCHEDULED or PUBLISHED proposal of this brand.",
  })
  isApprovedContent(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('channel', { type: () => Channel }) channel: Channel,
    @Args('body') body: string,
  ): Promise<boolean> {
    return this.publication.isApprovedContent(ctx, brandId, channel, body);
  }

  @Mutation(() => BrandModel)
  async startContentFreeze(
    @Ctx() ctx: RequestContext,
    @Args('input') input: StartContentFreezeInput,
  ): Promise<BrandModel> {
    await this.freezes.start(ctx, input);
    return this.brands.get(ctx, input.brandId);
  }

  @Mutation(() => BrandModel)
  async endContentFreeze(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<BrandModel> {
    await this.freezes.end(ctx, brandId);
    return this.brands.get(ctx, brandId);
  }
}

@Resolver(() => ContentFreezeModel)
export class ContentFreezeResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserModel)
  startedBy(@Ctx() ctx: RequestContext, @Parent() freeze: ContentFreezeModel): Promise<UserModel> {
    return this.users.referenced(ctx, freeze.startedById);
  }

  @ResolveField(() => [UserModel])
  allowedUsers(
    @Ctx() ctx: RequestContext,
    @Parent() freeze: ContentFreezeModel,
  ): Promise<UserModel[]> {
    return Promise.all(freeze.allowedUserIds.map((id) => this.users.referenced(ctx, id)));
  }
}
