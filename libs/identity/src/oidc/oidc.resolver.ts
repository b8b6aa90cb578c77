import { ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx, ManagesOwnTransactions } from '@standpoint/graphql';
import { OidcProviderModel } from './oidc-provider.model';
import { OidcProvidersService } from './oidc-providers.service';
import { SetOidcProviderInput } from './set-oidc-provider.input';

/** Brand admins' OIDC providers. */
@Resolver()
export class OidcResolver {
  constructor(private readonly providers: OidcProvidersService) {}

  @ManagesOwnTransactions()
  @Mutation(() => OidcProviderModel, {
    description:
      "Configures (or changes) an OIDC provider for the listed brands; its issuer's discovery document is read first.",
  })
  setOidcProvider(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetOidcProviderInput,
  ): Promise<OidcProviderModel> {
    return this.providers.set(ctx, input);
  }

  @Query(() => OidcProviderModel, {
    nullable: true,
    description:
      "The brand's OIDC provider (brand admins only; null when it has none or a SAML one); never its client secret.",
  })
  oidcProvider(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<OidcProviderModel | null> {
    return this.providers.ofBrand(ctx, brandId);
  }
}
