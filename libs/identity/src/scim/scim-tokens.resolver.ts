import { ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { CreateScimTokenInput } from './create-scim-token.input';
import { NewScimTokenModel, ScimTokenModel } from './scim-token.model';
import { NewScimToken, ScimTokenInfo, ScimTokensService } from './scim-tokens.service';

@Resolver()
export class ScimTokensResolver {
  constructor(private readonly tokens: ScimTokensService) {}

  @Query(() => ScimTokenModel, {
    nullable: true,
    description: 'The brand’s SCIM token, if it has one (ADMIN only); never the token itself.',
  })
  scimToken(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<ScimTokenInfo | null> {
    return this.tokens.of(ctx, brandId);
  }

  @Mutation(() => NewScimTokenModel, {
    description:
      'Makes the brand’s SCIM bearer token and answers it, once. A token the brand had before stops working.',
  })
  createScimToken(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CreateScimTokenInput,
  ): Promise<NewScimToken> {
    return this.tokens.create(ctx, input.brandId, input.label);
  }

  @Mutation(() => Boolean, {
    description:
      'Ends the brand’s SCIM token: its identity provider is refused from now on. False when the brand had none.',
  })
  revokeScimToken(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<boolean> {
    return this.tokens.revoke(ctx, brandId);
  }
}
