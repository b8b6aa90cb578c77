import { ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { GroupRoleMappingModel } from './group-role-mapping.model';
import { GroupRolesService } from './group-roles.service';
import { SetGroupRolesInput } from './set-group-roles.input';

@Resolver()
export class GroupRolesResolver {
  constructor(private readonly groupRoles: GroupRolesService) {}

  @Query(() => [GroupRoleMappingModel], {
    description: `The brand's identity provider groups and the roles they give (ADMIN only; at most 200).`,
  })
  groupRoleMappings(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<GroupRoleMappingModel[]> {
    return this.groupRoles.list(ctx, brandId);
  }

  @Mutation(() => GroupRoleMappingModel, {
    description:
      'Sets the roles the members of an identity provider group hold in the brand; the members its SCIM provisioning put in that group hold them at once.',
  })
  setGroupRoles(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetGroupRolesInput,
  ): Promise<GroupRoleMappingModel> {
    return this.groupRoles.set(ctx, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Removes a group’s roles: its provisioned members lose at once what only it gave them. False when the group had none.',
  })
  removeGroupRoles(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('group') group: string,
  ): Promise<boolean> {
    return this.groupRoles.remove(ctx, brandId, group);
  }
}
