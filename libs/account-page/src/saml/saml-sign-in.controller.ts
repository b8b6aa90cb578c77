import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { sendPage } from '@standpoint/decision-page';
import { Ctx } from '@standpoint/graphql';
import { SamlSignInService } from '@standpoint/identity';
import type { Response } from 'express';
import { refusedPage, signedInPage } from '../page/sso-sign-in.view';

/**
 * A SAML provider's three addresses here: `GET /auth/saml/<provider>/start` sends the browser to
 * the provider with an AuthnRequest; `POST /auth/saml/<provider>/acs` is the assertion consumer
 * service the provider's answer is posted to (from a sign-in started here or at the provider);
 * `GET /auth/saml/<provider>/metadata` is this side's entity id and metadata.
 */
@Controller('auth/saml')
export class SamlSignInController {
  constructor(private readonly signIn: SamlSignInService) {}

  @Get(':providerId/start')
  async start(
    @Ctx() ctx: RequestContext,
    @Param('providerId') providerId: string,
    @Res() response: Response,
  ): Promise<void> {
    const url = await this.signIn.start(ctx, providerId);
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
    const outcome = await this.signIn.consume(ctx, providerId, body?.SAMLResponse);
    if (outcome.kind === 'SIGNED_IN') {
      return sendPage(
        response,
        200,
        signedInPage(outcome.email, outcome.providerName, outcome.code),
      );
    }
    sendPage(response, 403, refusedPage(outcome.refusal));
  }
}
