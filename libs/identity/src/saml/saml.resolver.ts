import { ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { SamlProviderModel } from './saml-provider.model';
import { SamlProvidersService } from './saml-providers.service';
import { SetSamlProviderInput } from './set-saml-provider.input';

/** Brand admins' SAML providers. */
@Resolver()
export class SamlResolver {
  constructor(private readonly providers: SamlProvidersService) {}

  @Mutation(() => SamlProviderModel, {
    description:
      'Configures (or changes) a SAML 2.0 identity provider for the listed brands; the answer says what to enter at the provider.',
  })
  setSamlProvider(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetSamlProviderInput,
  ): Promise<SamlProviderModel> {
    return this.providers.set(ctx, input);
  }

  @Query(() => SamlProviderModel, {
    nullable: true,
    description: "The brand's SAML provider (brand admins only).",
  })
  samlProvider(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<SamlProviderModel | null> {
    return this.providers.ofBrand(ctx, brandId);
  }
}
