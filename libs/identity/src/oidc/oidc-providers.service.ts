import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext, SecretBox, TransactionRunner } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Operation } from '../access-policy';
import { requireBrandOperation, requireUser } from '../brand-access';
import { checkedEmailDomains } from '../sso/email-domains';
import { SsoBrandLinks } from '../sso/sso-brand-links';
import { SsoProtocol } from '../sso/sso-protocol';
import { SsoProviderBrandEntity } from '../sso/sso-provider-brand.entity';
import { OidcDiscovery } from './oidc-discovery';
import {
  clientSecretContext,
  DEFAULT_GROUPS_CLAIM,
  OidcProviderEntity,
} from './oidc-provider.entity';
import { OidcProviderModel } from './oidc-provider.model';
import { oidcRedirectUri, oidcSignInUrl } from './oidc-urls';
import { SetOidcProviderInput } from './set-oidc-provider.input';

/**
 * Brand admins configure their organisation's OIDC provider and may require it. One provider row
 * serves every brand its admin lists (an organisation with several brands configures it once), a
 * brand at most one; changing it needs ADMIN in every brand it serves before and after, so no
 * admin changes another brand's sign-in. Each change is audited in every brand it touches.
 */
@Injectable()
export class OidcProvidersService {
  constructor(
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
    private readonly links: SsoBrandLinks,
    private readonly discovery: OidcDiscovery,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Configures or changes a provider. Its discovery document is read first, outside the
   * transaction (the resolver manages its own), so a wrong issuer or a provider that does not
   * answer is refused before anything is written.
   */
  async set(ctx: RequestContext, input: SetOidcProviderInput): Promise<OidcProviderModel> {
    const actor = requireUser(ctx);
    for (const brandId of input.brandIds)
      requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    const issuer = await this.discovery.checkedIssuer(input.issuer);
    const emailDomains = checkedEmailDomains(input.emailDomains, actor);
    const before = input.id ? await this.find(ctx, input.id) : null;
    const served = await this.links.current(ctx, before?.id);
    const clientSecret =
      input.clientSecret ??
      (before
        ? this.secrets.open(before.sealedClientSecret, clientSecretContext(before.id))
        : undefined);
    if (!clientSecret) {
      throw DomainError.invalidField([
        {
          field: 'input.clientSecret',
          rule: 'required',
          message: 'a new provider needs its client secret',
        },
      ]);
    }
    await this.discover(issuer, input.clientId.trim(), clientSecret);
    return this.transactions.run(ctx, async () => {
      const now = this.clock.now();
      const id = before?.id ?? newId('oidc');
      const after: OidcProviderEntity = {
        id,
        name: input.name.trim(),
        issuer,
        clientId: input.clientId.trim(),
        sealedClientSecret: input.clientSecret
          ? this.secrets.seal(input.clientSecret, clientSecretContext(id))
          : before!.sealedClientSecret,
        emailDomains,
        groupsClaim: input.groupsClaim ?? before?.groupsClaim ?? DEFAULT_GROUPS_CLAIM,
        createdById: before?.createdById ?? actor.userId,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      };
      if (before) await ctx.em.update(OidcProviderEntity, { id }, after);
      else await ctx.em.insert(OidcProviderEntity, after);
      const dropped = await this.links.serve(
        ctx,
        SsoProtocol.OIDC,
        id,
        served,
        input.brandIds,
        now,
      );
      for (const brandId of [...input.brandIds, ...dropped]) {
        await this.audit.append(ctx, {
          brandId,
          action: 'oidc_provider.set',
          entityType: 'OidcProvider',
          entityId: id,
          data: {
            name: after.name,
            issuer,
            clientId: after.clientId,
            emailDomains,
            groupsClaim: after.groupsClaim,
            serves: input.brandIds.includes(brandId),
            secretChanged: input.clientSecret !== undefined,
          },
        });
      }
      const first = input.brandIds[0]!;
      return this.modelOf(after, served.find((row) => row.brandId === first)?.ssoRequired ?? false);
    });
  }

  /** The brand's provider, or null; brand admins only. */
  async ofBrand(ctx: RequestContext, brandId: string): Promise<OidcProviderModel | null> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    const served = await ctx.em.findOneBy(SsoProviderBrandEntity, { brandId });
    if (served?.protocol !== SsoProtocol.OIDC) return null;
    const provider = await ctx.em.findOneByOrFail(OidcProviderEntity, { id: served.providerId });
    return this.modelOf(provider, served.ssoRequired);
  }

  private async find(ctx: RequestContext, id: string): Promise<OidcProviderEntity> {
    const provider = await ctx.em.findOneBy(OidcProviderEntity, { id });
    if (!provider) throw DomainError.notFound('OIDC provider');
    return provider;
  }

  private async discover(issuer: string, clientId: string, clientSecret: string): Promise<void> {
    try {
      await this.discovery.discover(issuer, clientId, clientSecret);
    } catch {
      throw DomainError.invalidField([
        {
          field: 'input.issuer',
          rule: 'discovery',
          message:
            'its discovery document (/.well-known/openid-configuration) could not be read or names another issuer',
        },
      ]);
    }
  }

  private modelOf(provider: OidcProviderEntity, ssoRequired: boolean): OidcProviderModel {
    return OidcProviderModel.from(provider, {
      ssoRequired,
      signInUrl: oidcSignInUrl(this.config.publicUrl, provider.id),
      redirectUri: oidcRedirectUri(this.config.publicUrl),
    });
  }
}
