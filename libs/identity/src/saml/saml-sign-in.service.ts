import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, isUniqueViolation, RequestContext, TransactionRunner } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { LessThan, MoreThan } from 'typeorm';
import { clientRedirectKey, clientRedirectOfKey } from '../sso/client-redirect';
import { SsoProtocol } from '../sso/sso-protocol';
import { SsoProviderBrandEntity } from '../sso/sso-provider-brand.entity';
import { SsoSignInOutcome, SsoSignInService, ssoRefused } from '../sso/sso-sign-in.service';
import { checkedAssertion, rawResponseProblem } from './saml-assertion';
import { SamlAssertionSeenEntity } from './saml-assertion-seen.entity';
import { samlIdentity } from './saml-identity';
import { SamlProviderEntity } from './saml-provider.entity';
import { SamlRequestEntity } from './saml-request.entity';
import { samlServiceProvider } from './saml-service-provider';
import { samlAcsUrl } from './saml-urls';

/** A sign-in started here must come back from the provider within this long. */
const SAML_LOGIN_TTL_MS = 10 * 60 * 1000;

/**
 * Sign-in through an organisation's SAML 2.0 provider, started here (SP-initiated: an
 * AuthnRequest by HTTP-Redirect) or at the provider (IdP-initiated: its portal's tile), and
 * answered by HTTP-POST to the provider's assertion consumer service. The assertion must be signed
 * by the provider, for this provider's audience, addressed to this consumer service, in time, and
 * seen for the first time; one that answers a request must answer a pending one of this provider.
 * The rest (domains, membership, groups, the one-time code) is every protocol's (SsoSignInService).
 */
@Injectable()
export class SamlSignInService {
  private readonly logger = new Logger('SAML');

  constructor(
    private readonly signIn: SsoSignInService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The provider's sign-in URL carrying a new AuthnRequest, which is kept until answered;
   * `clientRedirect` is the registered client address the sign-in ends at, if one was asked (its
   * key travels as the RelayState, which the provider echoes).
   */
  async start(
    ctx: RequestContext,
    providerId: string,
    clientRedirect: string | null = null,
  ): Promise<string> {
    const provider = await this.servingProvider(ctx, providerId);
    if (!provider) throw DomainError.notFound('SAML provider');
    const id = `_${randomBytes(20).toString('hex')}`;
    const url = await samlServiceProvider(provider, this.config.publicUrl, id).getAuthorizeUrlAsync(
      clientRedirect ? clientRedirectKey(clientRedirect) : '',
      undefined,
      {},
    );
    const now = this.clock.now();
    await this.transactions.run(ctx, async () => {
      await ctx.em.delete(SamlRequestEntity, { expiresAt: LessThan(now) });
      await ctx.em.insert(SamlRequestEntity, {
        id,
        providerId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SAML_LOGIN_TTL_MS),
      });
    });
    return url;
  }

  /** The service provider's metadata for the provider's admin to import. */
  async metadata(ctx: RequestContext, providerId: string): Promise<string> {
    const provider = await this.servingProvider(ctx, providerId);
    if (!provider) throw DomainError.notFound('SAML provider');
    return samlServiceProvider(provider, this.config.publicUrl).generateServiceProviderMetadata(
      null,
    );
  }

  /**
   * The provider's answer, posted by the browser (`SAMLResponse`, and the `RelayState` that names
   * the registered client address the sign-in ends at, if any).
   */
  async consume(
    ctx: RequestContext,
    providerId: string,
    samlResponse: unknown,
    relayState: unknown,
  ): Promise<SsoSignInOutcome> {
    const outcome = await this.answer(ctx, providerId, samlResponse);
    const clientRedirect = clientRedirectOfKey(relayState, this.config.ssoClientRedirects);
    return clientRedirect ? { ...outcome, clientRedirect } : outcome;
  }

  private async answer(
    ctx: RequestContext,
    providerId: string,
    samlResponse: unknown,
  ): Promise<SsoSignInOutcome> {
    const provider = await this.servingProvider(ctx, providerId);
    if (!provider) return ssoRefused('STATE');
    const refused = (why: string) => {
      this.logger.warn({ providerId }, `SAML response refused: ${why}`);
      return ssoRefused('PROVIDER', provider.name);
    };
    if (typeof samlResponse !== 'string') return refused('no SAMLResponse');
    const problem = rawResponseProblem(samlResponse);
    if (problem) return refused(problem);
    const acsUrl = samlAcsUrl(this.config.publicUrl, provider.id);
    let facts;
    try {
      const { profile } = await samlServiceProvider(
        provider,
        this.config.publicUrl,
      ).validatePostResponseAsync({ SAMLResponse: samlResponse });
      if (!profile) return refused('not a sign-in response');
      facts = checkedAssertion(profile, { issuer: provider.idpEntityId, recipient: acsUrl });
    } catch (error) {
      return refused(error instanceof Error ? error.message : String(error));
    }
    if (typeof facts === 'string') return refused(facts);
    if (!(await this.firstSeen(ctx, provider.id, facts.id, facts.notOnOrAfter))) {
      this.logger.warn({ providerId }, 'SAML assertion refused: it was posted before');
      return ssoRefused('REPLAYED', provider.name);
    }
    if (facts.inResponseTo && !(await this.answered(ctx, provider.id, facts.inResponseTo))) {
      return ssoRefused('STATE', provider.name);
    }
    const identity = samlIdentity(facts, provider);
    if (!identity) return refused('the assertion carries no email address');
    return this.signIn.complete(ctx, { ...provider, protocol: SsoProtocol.SAML }, identity);
  }

  /** Records the assertion as used; false when it was already (the same one posted again). */
  private async firstSeen(
    ctx: RequestContext,
    providerId: string,
    assertionId: string,
    notOnOrAfter: Date,
  ): Promise<boolean> {
    const assertionHash = createHash('sha256')
      .update(`${providerId}\n${assertionId}`)
      .digest('hex');
    const now = this.clock.now();
    try {
      await this.transactions.run(ctx, async () => {
        await ctx.em.delete(SamlAssertionSeenEntity, { expiresAt: LessThan(now) });
        await ctx.em.insert(SamlAssertionSeenEntity, { assertionHash, expiresAt: notOnOrAfter });
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Takes the pending request the assertion answers: once, of this provider, in time. */
  private async answered(ctx: RequestContext, providerId: string, requestId: string) {
    const taken = await this.transactions.run(ctx, () =>
      ctx.em.delete(SamlRequestEntity, {
        id: requestId,
        providerId,
        expiresAt: MoreThan(this.clock.now()),
      }),
    );
    return taken.affected === 1;
  }

  /** The provider, if it serves a brand at all. */
  private async servingProvider(
    ctx: RequestContext,
    providerId: string,
  ): Promise<SamlProviderEntity | null> {
    const serves = await ctx.em.existsBy(SsoProviderBrandEntity, {
      providerId,
      protocol: SsoProtocol.SAML,
    });
    return serves ? ctx.em.findOneBy(SamlProviderEntity, { id: providerId }) : null;
  }
}
