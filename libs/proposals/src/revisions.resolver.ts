import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Ctx } from '@standpoint/graphql';
import { UserModel, UsersService } from '@standpoint/identity';
import { RevisionModel } from './models/revision.model';

@Resolver(() => RevisionModel)
export class RevisionsResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserModel)
  createdBy(@Ctx() ctx: RequestContext, @Parent() revision: RevisionModel): Promise<UserModel> {
    return this.users.referenced(ctx, revision.createdById);
  }
}
