import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { RequestContext } from '@standpoint/database';
import { sendPage } from '@standpoint/decision-page';
import { Ctx } from '@standpoint/graphql';
import {
  askedClientRedirect,
  OIDC_LOGIN_COOKIE,
  OIDC_LOGIN_TTL_MS,
  OidcSignInService,
} from '@standpoint/identity';
import type { Request, Response } from 'express';
import {
  sendSignInOutcome,
  unavailablePage,
  unregisteredClientPage,
} from '../page/sso-sign-in.view';

const COOKIE_PATH = '/auth/oidc';

/**
 * `GET /auth/oidc/<provider>/start` sends the browser to the organisation's identity provider;
 * `GET /auth/oidc/callback` is where the provider sends it back. Between the two, the sign-in's
 * state, nonce and PKCE verifier travel sealed in a short-lived, httpOnly, SameSite=Lax cookie
 * scoped to these two routes, which the callback clears whatever its outcome.
 */
@Controller('auth/oidc')
export class OidcSignInController {
  constructor(
    private readonly signIn: OidcSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':providerId/start')
  async start(
    @Ctx() ctx: RequestContext,
    @Param('providerId') providerId: string,
    @Query('client_redirect') asked: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const clientRedirect = askedClientRedirect(asked, this.config.ssoClientRedirects);
    if (clientRedirect === undefined) return sendPage(response, 400, unregisteredClientPage());
    const start = await this.signIn.start(ctx, providerId, clientRedirect);
    if (start.kind === 'UNAVAILABLE')
      return sendPage(response, 502, unavailablePage(start.providerName));
    response
      .cookie(OIDC_LOGIN_COOKIE, start.cookie, {
        ...this.cookieOptions(),
        maxAge: OIDC_LOGIN_TTL_MS,
      })
      .set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
      .redirect(303, start.url);
  }

  @Get('callback')
  async callback(
    @Ctx() ctx: RequestContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const query = request.originalUrl.split('?')[1] ?? '';
    const outcome = await this.signIn.callback(ctx, query, cookieOf(request, OIDC_LOGIN_COOKIE));
    response.clearCookie(OIDC_LOGIN_COOKIE, this.cookieOptions());
    sendSignInOutcome(response, outcome);
  }

  private cookieOptions() {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.publicUrl.startsWith('https:'),
      path: COOKIE_PATH,
    };
  }
}

/** One cookie's value from the request's Cookie header. */
function cookieOf(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
