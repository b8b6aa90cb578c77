import { ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { SetTeamsConnectionInput } from './teams-connection.input';
import { TeamsConnectionModel } from './teams-connection.model';
import { TeamsConnectionsService } from './teams-connections.service';

/** The brand admins' Teams workflow. */
@Resolver()
export class TeamsResolver {
  constructor(private readonly connections: TeamsConnectionsService) {}

  @Mutation(() => TeamsConnectionModel, {
    description:
      "Sets (or replaces) the brand's Teams workflow, which is posted approval requests, outcomes and alerts as Adaptive Cards.",
  })
  setTeamsConnection(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetTeamsConnectionInput,
  ): Promise<TeamsConnectionModel> {
    return this.connections.set(ctx, input);
  }

  @Mutation(() => Boolean, {
    description: "Removes the brand's Teams workflow; answers whether there was one.",
  })
  removeTeamsConnection(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<boolean> {
    return this.connections.remove(ctx, brandId);
  }

  @Query(() => TeamsConnectionModel, {
    nullable: true,
    description: "The brand's Teams workflow (brand admins only), shown by its host and hint.",
  })
  teamsConnection(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<TeamsConnectionModel | null> {
    return this.connections.ofBrand(ctx, brandId);
  }
}
