import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { RequestContext } from '@standpoint/database';
import { noticePage, sendPage } from '@standpoint/decision-page';
import { Ctx } from '@standpoint/graphql';
import { askedClientRedirect, SamlSignInService } from '@standpoint/identity';
import { RateLimit, RateLimits } from '@standpoint/rate-limits';
import type { Request, Response } from 'express';
import { sendSignInOutcome, unregisteredClientPage } from '../page/sso-sign-in.view';

/**
 * Sign-ins started here per client address. Each keeps its AuthnRequest for ten minutes; a whole
 * office signing in behind one address stays well within this, a flood of rows does not.
 */
export const SAML_STARTS_PER_ADDRESS: RateLimit = {
  name: 'saml-starts',
  points: 300,
  durationSeconds: 10 * 60,
  refusal: 'Too many sign-ins started from this address',
};

/**
 * A SAML provider's three addresses here: `GET /auth/saml/<provider>/start` sends the browser to
 * the provider with an AuthnRequest; `POST /auth/saml/<provider>/acs` is the assertion consumer
 * service the provider's answer is posted to (from a sign-in started here or at the provider);
 * `GET /auth/saml/<provider>/metadata` is this side's entity id and metadata.
 */
@Controller('auth/saml')
export class SamlSignInController {
  constructor(
    private readonly signIn: SamlSignInService,
    private readonly limits: RateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':providerId/start')
  async start(
    @Ctx() ctx: RequestContext,
    @Param('providerId') providerId: string,
    @Query('client_redirect') asked: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const clientRedirect = askedClientRedirect(asked, this.config.ssoClientRedirects);
    if (clientRedirect === undefined) return sendPage(response, 400, unregisteredClientPage());
    const refused = await this.limits.take(SAML_STARTS_PER_ADDRESS, request.ip ?? 'unknown');
    if (refused) {
      return sendPage(
        response.set('Retry-After', String(refused.retryAfterSeconds)),
        429,
        noticePage('Too many sign-ins', `${SAML_STARTS_PER_ADDRESS.refusal}; try again later.`),
      );
    }
    const url = await this.signIn.start(ctx, providerId, clientRedirect);
    response
      .set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
      .redirect(303, url);
  }

  @Get(':providerId/metadata')
  async metadata(
    @Ctx() ctx: RequestContext,
    @Param('providerId') providerId: string,
    @Res() response: Response,
  ): Promise<void> {
    const xml = await this.signIn.metadata(ctx, providerId);
    response.type('application/samlmetadata+xml').send(xml);
  }

  @Post(':providerId/acs')
  @HttpCode(200)
  async consume(
    @Ctx() ctx: RequestContext,
    @Param('providerId') providerId: string,
    @Body() body: Record<string, unknown> | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const outcome = await this.signIn.consume(
      ctx,
      providerId,
      body?.SAMLResponse,
      body?.RelayState,
    );
    sendSignInOutcome(response, outcome);
  }
}
