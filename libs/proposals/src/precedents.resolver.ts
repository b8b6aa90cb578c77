import { ID, Int, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Connection, Ctx } from '@standpoint/graphql';
import { PrecedentFilter } from './inputs/filters.input';
import { PrecedentConnection, PrecedentModel } from './models/precedent.model';
import { PrecedentsService } from './precedents.service';

@Resolver(() => PrecedentModel)
export class PrecedentsResolver {
  constructor(private readonly precedentsService: PrecedentsService) {}

  @Query(() => PrecedentConnection, {
    description:
      "The brand's precedent library: peer-brand examples and the reception of its own published posts.",
  })
  precedents(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('filter', { type: () => PrecedentFilter, nullable: true }) filter: PrecedentFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<PrecedentModel>> {
    return this.precedentsService.list(ctx, brandId, filter, first, after);
  }
}
