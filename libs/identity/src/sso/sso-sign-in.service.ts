import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, RequestContext, TransactionRunner } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { LessThan, MoreThan } from 'typeorm';
import { AuthService } from '../auth.service';
import { linkSecretHash, newLinkSecret } from '../link-secret';
import { AuthPayloadModel } from '../models/auth-payload.model';
import { SessionsService } from '../sessions.service';
import { UserEntity } from '../user.entity';
import { emailInDomains } from './email-domains';
import { SsoDirectory, SsoProviderSummary } from './sso-directory';
import { SsoIdentity, SsoProvisioning } from './sso-provisioning';
import { SsoSignInCodeEntity } from './sso-sign-in-code.entity';

/** A sign-in code is exchanged within this long, once. */
const SIGN_IN_CODE_TTL_MS = 2 * 60 * 1000;

/** Why a sign-in signs nobody in (the page says it in words). */
export type SsoRefusal =
  | 'STATE'
  | 'PROVIDER'
  | 'REPLAYED'
  | 'EMAIL_UNVERIFIED'
  | 'EMAIL_DOMAIN'
  | 'NOT_A_MEMBER'
  | 'INACTIVE';

/** How a sign-in ended; `clientRedirect`: the registered client address it ends at, if asked. */
export type SsoSignInOutcome = (
  | { kind: 'SIGNED_IN'; code: string; email: string; providerName: string }
  | { kind: 'REFUSED'; refusal: SsoRefusal; providerName?: string }
) & { clientRedirect?: string };

export function ssoRefused(refusal: SsoRefusal, providerName?: string): SsoSignInOutcome {
  return { kind: 'REFUSED', refusal, ...(providerName ? { providerName } : {}) };
}

/**
 * What every single sign-on does once its protocol has vouched for someone (OIDC's ID token,
 * SAML's assertion): only members of a brand the provider serves, with an email in its domains,
 * are signed in; their groups first give them their roles (SsoProvisioning: just-in-time
 * provisioning, which may make them a member, or create their account). The browser gets a
 * one-time code, never a token: `exchange` turns it into the same session and token as `login`.
 */
@Injectable()
export class SsoSignInService {
  constructor(
    private readonly directory: SsoDirectory,
    private readonly provisioning: SsoProvisioning,
    private readonly sessions: SessionsService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Signs in whom the provider vouched for, or says why not; the identity's email is trusted. */
  complete(
    ctx: RequestContext,
    provider: SsoProviderSummary,
    identity: SsoIdentity,
  ): Promise<SsoSignInOutcome> {
    const providerName = provider.name;
    const email = identity.email;
    if (!emailInDomains(email, provider.emailDomains)) {
      return Promise.resolve(ssoRefused('EMAIL_DOMAIN', providerName));
    }
    // A callback outside any transaction reads through the read connection: the writes take their own.
    return this.transactions.run(ctx, async () => {
      const found = await ctx.em.findOneBy(UserEntity, { email });
      if (found?.deactivatedAt) return ssoRefused('INACTIVE', providerName);
      const brandIds = await this.directory.servedBrandIds(ctx, provider.id);
      const user = await this.provisioning.apply(ctx, provider, brandIds, identity, found);
      if (!user || (await this.directory.memberBrandsAmong(ctx, user.id, brandIds)).length === 0) {
        return ssoRefused('NOT_A_MEMBER', providerName);
      }
      const { token: code, tokenHash } = newLinkSecret();
      const now = this.clock.now();
      await ctx.em.delete(SsoSignInCodeEntity, { expiresAt: LessThan(now) });
      await ctx.em.insert(SsoSignInCodeEntity, {
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
    const found = await ctx.em.findOneBy(SsoSignInCodeEntity, { codeHash });
    if (!found) throw invalid();
    const used = await ctx.em.delete(SsoSignInCodeEntity, {
      codeHash,
      expiresAt: MoreThan(this.clock.now()),
    });
    if (used.affected !== 1) throw invalid();
    const user = await ctx.em.findOneBy(UserEntity, { id: found.userId });
    const provider = await this.directory.serving(ctx.em, found.providerId);
    const brandIds =
      user && provider
        ? await this.directory.memberBrandsAmong(
            ctx,
            user.id,
            await this.directory.servedBrandIds(ctx, provider.id),
          )
        : [];
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
}
