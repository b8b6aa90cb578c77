import { Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { UserModel, UsersService } from '@standpoint/identity';
import { SetRecommendationInput } from './inputs/recommendation.input';
import { ProposalModel } from './models/proposal.model';
import { TeamRecommendationModel } from './models/team-recommendation.model';
import { RecommendationsService } from './recommendations.service';

@Resolver(() => TeamRecommendationModel)
export class RecommendationsResolver {
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => ProposalModel)
  setRecommendation(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetRecommendationInput,
  ): Promise<ProposalModel> {
    return this.recommendations.set(ctx, input);
  }

  @ResolveField(() => UserModel)
  by(
    @Ctx() ctx: RequestContext,
    @Parent() recommendation: TeamRecommendationModel,
  ): Promise<UserModel> {
    return this.users.referenced(ctx, recommendation.byId);
  }
}
