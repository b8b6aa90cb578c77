import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, RequestContext, SecretBox } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import * as oidc from 'openid-client';
import { emailVerifiedIn } from '../sso/email-domains';
import { groupsInClaim, nameFromClaims } from '../sso/identity-claims';
import { SsoProtocol } from '../sso/sso-protocol';
import { SsoProviderBrandEntity } from '../sso/sso-provider-brand.entity';
import { SsoSignInOutcome, SsoSignInService, ssoRefused } from '../sso/sso-sign-in.service';
import { OidcDiscovery } from './oidc-discovery';
import {
  OIDC_LOGIN_TTL_MS,
  openLoginState,
  OidcLoginState,
  sealLoginState,
} from './oidc-login-state';
import { clientSecretContext, OidcProviderEntity } from './oidc-provider.entity';
import { oidcRedirectUri } from './oidc-urls';

/** Where a sign-in goes first: to the provider, or nowhere while its discovery cannot be read. */
export type OidcStart =
  { kind: 'REDIRECT'; url: string; cookie: string } | { kind: 'UNAVAILABLE'; providerName: string };

/**
 * Sign-in through an organisation's OIDC provider: the authorization code flow with PKCE (S256),
 * a nonce and a state, through openid-client, which checks the ID token's signature (the
 * provider's published keys), issuer, audience, expiry and nonce. A verified email is required;
 * the groups are the ID token's, else the userinfo answer's; the rest (domains, membership, groups
 * to roles, the one-time code) is every protocol's (SsoSignInService).
 */
@Injectable()
export class OidcSignInService {
  constructor(
    private readonly discovery: OidcDiscovery,
    private readonly secrets: SecretBox,
    private readonly signIn: SsoSignInService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The provider's authorization URL, and the sealed state the browser keeps until it returns;
   * `clientRedirect` is the registered client address the sign-in ends at, if one was asked.
   */
  async start(
    ctx: RequestContext,
    providerId: string,
    clientRedirect: string | null = null,
  ): Promise<OidcStart> {
    const provider = await this.servingProvider(ctx, providerId);
    if (!provider) throw DomainError.notFound('OIDC provider');
    let client: oidc.Configuration;
    try {
      client = await this.clientOf(provider);
    } catch {
      return { kind: 'UNAVAILABLE', providerName: provider.name };
    }
    const login: OidcLoginState = {
      providerId,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      expiresAt: this.clock.now().getTime() + OIDC_LOGIN_TTL_MS,
      ...(clientRedirect ? { clientRedirect } : {}),
    };
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: oidcRedirectUri(this.config.publicUrl),
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    });
    return { kind: 'REDIRECT', url: url.href, cookie: sealLoginState(this.secrets, login) };
  }

  /**
   * The provider's answer: `query` is the callback's query string, `cookie` the sealed state. The
   * state must be the one this browser started with; the code is exchanged once, and the ID token
   * must be the provider's, for this client, unexpired, with this sign-in's nonce.
   */
  async callback(
    ctx: RequestContext,
    query: string,
    cookie: string | undefined,
  ): Promise<SsoSignInOutcome> {
    const login = openLoginState(this.secrets, cookie, this.clock.now());
    const answered = new URLSearchParams(query);
    if (!login || answered.get('state') !== login.state) return ssoRefused('STATE');
    const outcome = await this.answer(ctx, login, answered);
    return login.clientRedirect ? { ...outcome, clientRedirect: login.clientRedirect } : outcome;
  }

  /** The provider's answer to this browser's sign-in, checked. */
  private async answer(
    ctx: RequestContext,
    login: OidcLoginState,
    answered: URLSearchParams,
  ): Promise<SsoSignInOutcome> {
    const provider = await this.servingProvider(ctx, login.providerId);
    if (!provider) return ssoRefused('STATE');
    const providerName = provider.name;
    let claims: oidc.IDToken | undefined;
    let groups: string[] | null = null;
    let client: oidc.Configuration | undefined;
    try {
      client = await this.clientOf(provider);
      const tokens = await oidc.authorizationCodeGrant(
        client,
        new URL(`${oidcRedirectUri(this.config.publicUrl)}?${answered.toString()}`),
        {
          pkceCodeVerifier: login.codeVerifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        },
      );
      claims = tokens.claims();
      if (claims) groups = await this.groupsOf(client, tokens.access_token, claims, provider);
    } catch {
      // The provider may have moved an endpoint or signed with a key it had not published: its
      // next sign-in reads it afresh.
      if (client) this.discovery.forget(client);
      return ssoRefused('PROVIDER', providerName);
    }
    if (!claims || !emailVerifiedIn(claims)) return ssoRefused('EMAIL_UNVERIFIED', providerName);
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    return this.signIn.complete(
      ctx,
      { ...provider, protocol: SsoProtocol.OIDC },
      {
        email,
        name: nameFromClaims(claims, email),
        groups,
      },
    );
  }

  /**
   * The groups in the ID token's claim, else in the provider's userinfo answer (some providers
   * send them there only), read with the access token and for the ID token's subject; null when
   * neither carries the claim.
   */
  private async groupsOf(
    client: oidc.Configuration,
    accessToken: string,
    claims: oidc.IDToken,
    provider: OidcProviderEntity,
  ): Promise<string[] | null> {
    const inToken = groupsInClaim(claims, provider.groupsClaim);
    if (inToken !== null || !client.serverMetadata().userinfo_endpoint) return inToken;
    const userinfo = await oidc.fetchUserInfo(client, accessToken, claims.sub);
    return groupsInClaim(userinfo, provider.groupsClaim);
  }

  /** The provider, if it serves a brand at all. */
  private async servingProvider(
    ctx: RequestContext,
    providerId: string,
  ): Promise<OidcProviderEntity | null> {
    const serves = await ctx.em.existsBy(SsoProviderBrandEntity, {
      providerId,
      protocol: SsoProtocol.OIDC,
    });
    return serves ? ctx.em.findOneBy(OidcProviderEntity, { id: providerId }) : null;
  }

  private clientOf(provider: OidcProviderEntity) {
    const secret = this.secrets.open(provider.sealedClientSecret, clientSecretContext(provider.id));
    return this.discovery.configuration(provider.issuer, provider.clientId, secret);
  }
}
