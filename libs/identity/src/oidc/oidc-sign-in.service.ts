import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, RequestContext, SecretBox, TransactionRunner } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import * as oidc from 'openid-client';
import { In, LessThan, MoreThan } from 'typeorm';
import { AuthService } from '../auth.service';
import { linkSecretHash, newLinkSecret } from '../link-secret';
import { MembershipEntity } from '../membership.entity';
import { AuthPayloadModel } from '../models/auth-payload.model';
import { SessionsService } from '../sessions.service';
import { UserEntity } from '../user.entity';
import { emailInDomains, emailVerifiedIn } from './email-domains';
import { groupsInClaim, nameFromClaims } from './groups-claim';
import { OidcDiscovery } from './oidc-discovery';
import {
  OIDC_LOGIN_TTL_MS,
  openLoginState,
  OidcLoginState,
  sealLoginState,
} from './oidc-login-state';
import { OidcProviderBrandEntity } from './oidc-provider-brand.entity';
import { clientSecretContext, OidcProviderEntity } from './oidc-provider.entity';
import { OidcSignInCodeEntity } from './oidc-sign-in-code.entity';
import { oidcRedirectUri } from './oidc-urls';
import { SsoIdentity, SsoProvisioning } from './sso-provisioning';

/** A sign-in code is exchanged within this long, once. */
const SIGN_IN_CODE_TTL_MS = 2 * 60 * 1000;

/** Why a callback signs nobody in (the page says it in words). */
export type OidcRefusal =
  'STATE' | 'PROVIDER' | 'EMAIL_UNVERIFIED' | 'EMAIL_DOMAIN' | 'NOT_A_MEMBER' | 'INACTIVE';

/** Where a sign-in goes first: to the provider, or nowhere while its discovery cannot be read. */
export type OidcStart =
  { kind: 'REDIRECT'; url: string; cookie: string } | { kind: 'UNAVAILABLE'; providerName: string };

export type OidcCallbackOutcome =
  | { kind: 'SIGNED_IN'; code: string; email: string; providerName: string }
  | { kind: 'REFUSED'; refusal: OidcRefusal; providerName?: string };

/**
 * Sign-in through an organisation's OIDC provider: the authorization code flow with PKCE (S256),
 * a nonce and a state, through openid-client, which checks the ID token's signature (the
 * provider's published keys), issuer, audience, expiry and nonce. Only members of a brand the
 * provider serves, with a verified email in its domains, are signed in; their groups (the ID
 * token's, else the userinfo answer's) first give them their roles in the brands that map groups
 * (SsoProvisioning: just-in-time provisioning, which may make them a member, or create their
 * account). The browser gets a one-time code, never a token: `exchangeSignInCode` turns it into
 * the same session and token as `login`.
 */
@Injectable()
export class OidcSignInService {
  constructor(
    private readonly discovery: OidcDiscovery,
    private readonly secrets: SecretBox,
    private readonly sessions: SessionsService,
    private readonly provisioning: SsoProvisioning,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The provider's authorization URL, and the sealed state the browser keeps until it returns. */
  async start(ctx: RequestContext, providerId: string): Promise<OidcStart> {
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
  ): Promise<OidcCallbackOutcome> {
    const login = openLoginState(this.secrets, cookie, this.clock.now());
    const answered = new URLSearchParams(query);
    if (!login || answered.get('state') !== login.state) return refused('STATE');
    const provider = await this.servingProvider(ctx, login.providerId);
    if (!provider) return refused('STATE');
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
      return refused('PROVIDER', providerName);
    }
    if (!claims || !emailVerifiedIn(claims)) return refused('EMAIL_UNVERIFIED', providerName);
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!emailInDomains(email, provider.emailDomains)) return refused('EMAIL_DOMAIN', providerName);
    const identity: SsoIdentity = {
      email,
      name: nameFromClaims(claims, email),
      groups,
    };
    // A GET outside any transaction reads through the read connection: the writes take their own.
    return this.transactions.run(ctx, async () => {
      const found = await ctx.em.findOneBy(UserEntity, { email });
      if (found?.deactivatedAt) return refused('INACTIVE', providerName);
      const served = await ctx.em.findBy(OidcProviderBrandEntity, { providerId: provider.id });
      const brandIds = served.map((row) => row.brandId);
      const user = await this.provisioning.apply(ctx, provider, brandIds, identity, found);
      if (!user || (await this.servedBrandsOf(ctx, provider.id, user.id)).length === 0) {
        return refused('NOT_A_MEMBER', providerName);
      }
      const { token: code, tokenHash } = newLinkSecret();
      const now = this.clock.now();
      await ctx.em.delete(OidcSignInCodeEntity, { expiresAt: LessThan(now) });
      await ctx.em.insert(OidcSignInCodeEntity, {
        codeHash: tokenHash,
        userId: user.id,
        providerId: provider.id,
        expiresAt: new Date(now.getTime() + SIGN_IN_CODE_TTL_MS),
        createdAt: now,
      });
      return { kind: 'SIGNED_IN', code, email, providerName };
    });
  }

  /**
   * Turns a sign-in code into a session, once and within minutes, for a user who is still active
   * and still a member of a brand the provider serves; audited in each such brand.
   */
  async exchange(ctx: RequestContext, code: string): Promise<AuthPayloadModel> {
    const invalid = () =>
      DomainError.unauthenticated('This sign-in code is not valid: sign in again');
    const codeHash = linkSecretHash(code);
    const found = await ctx.em.findOneBy(OidcSignInCodeEntity, { codeHash });
    if (!found) throw invalid();
    const used = await ctx.em.delete(OidcSignInCodeEntity, {
      codeHash,
      expiresAt: MoreThan(this.clock.now()),
    });
    if (used.affected !== 1) throw invalid();
    const user = await ctx.em.findOneBy(UserEntity, { id: found.userId });
    const provider = await this.servingProvider(ctx, found.providerId);
    const brandIds = user && provider ? await this.servedBrandsOf(ctx, provider.id, user.id) : [];
    if (!user || user.deactivatedAt || !provider || brandIds.length === 0) throw invalid();
    const session = await this.sessions.start(ctx, user.id);
    // The sign-in is the user's own act in each brand's trail.
    ctx.actor = { ...(await this.auth.actorOf(ctx, user.id))!, sessionId: session.id };
    for (const brandId of brandIds) {
      await this.audit.append(ctx, {
        brandId,
        action: 'user.signed_in_with_sso',
        entityType: 'User',
        entityId: user.id,
        data: {
          userId: user.id,
          email: user.email,
          providerId: provider.id,
          providerName: provider.name,
        },
      });
    }
    return this.auth.payload(user, session.id);
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
    const serves = await ctx.em.existsBy(OidcProviderBrandEntity, { providerId });
    return serves ? ctx.em.findOneBy(OidcProviderEntity, { id: providerId }) : null;
  }

  /** The brands the provider serves that the user is a member of. */
  private async servedBrandsOf(
    ctx: RequestContext,
    providerId: string,
    userId: string,
  ): Promise<string[]> {
    const served = await ctx.em.findBy(OidcProviderBrandEntity, { providerId });
    if (served.length === 0) return [];
    const memberships = await ctx.em.findBy(MembershipEntity, {
      userId,
      brandId: In(served.map((row) => row.brandId)),
    });
    return memberships.map((m) => m.brandId).sort();
  }

  private clientOf(provider: OidcProviderEntity) {
    const secret = this.secrets.open(provider.sealedClientSecret, clientSecretContext(provider.id));
    return this.discovery.configuration(provider.issuer, provider.clientId, secret);
  }
}

function refused(refusal: OidcRefusal, providerName?: string): OidcCallbackOutcome {
  return { kind: 'REFUSED', refusal, ...(providerName ? { providerName } : {}) };
}
