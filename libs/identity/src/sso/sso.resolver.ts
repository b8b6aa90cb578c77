import { ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx, Public } from '@standpoint/graphql';
import { AuthPayloadModel } from '../models/auth-payload.model';
import { SsoEnforcementService } from './sso-enforcement.service';
import { SsoProviderModel } from './sso-provider.model';
import { SsoSignInService } from './sso-sign-in.service';

/** A brand's identity provider of either protocol, its enforcement, and the end of a sign-in. */
@Resolver()
export class SsoResolver {
  constructor(
    private readonly enforcement: SsoEnforcementService,
    private readonly signIn: SsoSignInService,
  ) {}

  @Query(() => SsoProviderModel, {
    nullable: true,
    description: "The brand's identity provider, OIDC or SAML (brand admins only).",
  })
  ssoProvider(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<SsoProviderModel | null> {
    return this.enforcement.ofBrand(ctx, brandId);
  }

  @Mutation(() => SsoProviderModel, {
    description:
      "Requires (or stops requiring) the brand's members to sign in through its identity provider; platform administrators keep their password.",
  })
  setSsoRequired(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('required') required: boolean,
  ): Promise<SsoProviderModel> {
    return this.enforcement.setRequired(ctx, brandId, required);
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Turns the one-time code a single sign-on page (OIDC or SAML) shows into a session, once, within two minutes.',
  })
  exchangeSignInCode(
    @Ctx() ctx: RequestContext,
    @Args('code') code: string,
  ): Promise<AuthPayloadModel> {
    return this.signIn.exchange(ctx, code);
  }
}
