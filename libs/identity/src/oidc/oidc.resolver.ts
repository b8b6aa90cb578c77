import { ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx, ManagesOwnTransactions, Public } from '@standpoint/graphql';
import { AuthPayloadModel } from '../models/auth-payload.model';
import { OidcProviderModel } from './oidc-provider.model';
import { OidcProvidersService } from './oidc-providers.service';
import { OidcSignInService } from './oidc-sign-in.service';
import { SetOidcProviderInput } from './set-oidc-provider.input';

/** Brand admins' OIDC providers and their enforcement, and the end of an OIDC sign-in. */
@Resolver()
export class OidcResolver {
  constructor(
    private readonly providers: OidcProvidersService,
    private readonly signIn: OidcSignInService,
  ) {}

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

  @Mutation(() => OidcProviderModel, {
    description:
      "Requires (or stops requiring) the brand's members to sign in through its OIDC provider; platform administrators keep their password.",
  })
  setSsoRequired(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('required') required: boolean,
  ): Promise<OidcProviderModel> {
    return this.providers.setRequired(ctx, brandId, required);
  }

  @Query(() => OidcProviderModel, {
    nullable: true,
    description: "The brand's OIDC provider (brand admins only); never its client secret.",
  })
  oidcProvider(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<OidcProviderModel | null> {
    return this.providers.ofBrand(ctx, brandId);
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Turns the one-time code an OIDC sign-in page shows into a session, once, within two minutes.',
  })
  exchangeSignInCode(
    @Ctx() ctx: RequestContext,
    @Args('code') code: string,
  ): Promise<AuthPayloadModel> {
    return this.signIn.exchange(ctx, code);
  }
}
