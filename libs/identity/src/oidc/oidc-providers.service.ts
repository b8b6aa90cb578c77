import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext, SecretBox, TransactionRunner } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { In } from 'typeorm';
import { Operation } from '../access-policy';
import { requireBrandOperation, requireUser } from '../brand-access';
import { MembershipEntity } from '../membership.entity';
import { UserEntity } from '../user.entity';
import { domainVouchingProblem, emailInDomains, normalizedDomain } from './email-domains';
import { OidcDiscovery } from './oidc-discovery';
import { OidcProviderBrandEntity } from './oidc-provider-brand.entity';
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
    const emailDomains = this.checkedDomains(input.emailDomains, actor);
    const before = input.id ? await this.find(ctx, input.id) : null;
    const served = before
      ? await ctx.em.findBy(OidcProviderBrandEntity, { providerId: before.id })
      : [];
    for (const { brandId } of served) requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
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
      const dropped = served.filter((row) => !input.brandIds.includes(row.brandId));
      if (dropped.some((row) => row.ssoRequired)) {
        throw DomainError.conflict(
          'A brand that requires single sign-on keeps its provider: lift the requirement first',
        );
      }
      const taken = await ctx.em.findBy(OidcProviderBrandEntity, { brandId: In(input.brandIds) });
      if (taken.some((row) => row.providerId !== before?.id)) {
        throw DomainError.conflict(
          'A brand has one OIDC provider: remove the brand from its other provider first',
        );
      }
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
      if (dropped.length > 0) {
        await ctx.em.delete(OidcProviderBrandEntity, {
          brandId: In(dropped.map((row) => row.brandId)),
        });
      }
      const added = input.brandIds.filter(
        (brandId) => !served.some((row) => row.brandId === brandId),
      );
      for (const brandId of added) {
        await ctx.em.insert(OidcProviderBrandEntity, {
          brandId,
          providerId: id,
          ssoRequired: false,
          createdAt: now,
        });
      }
      for (const brandId of [...input.brandIds, ...dropped.map((row) => row.brandId)]) {
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
    const served = await ctx.em.findOneBy(OidcProviderBrandEntity, { brandId });
    if (!served) return null;
    const provider = await ctx.em.findOneByOrFail(OidcProviderEntity, { id: served.providerId });
    return this.modelOf(provider, served.ssoRequired);
  }

  /**
   * Requires (or stops requiring) the brand's provider for its members. Refused without a
   * provider, and while a member who is not a platform administrator has an address outside the
   * provider's domains: they could sign in neither way.
   */
  async setRequired(
    ctx: RequestContext,
    brandId: string,
    required: boolean,
  ): Promise<OidcProviderModel> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    const served = await ctx.em.findOneBy(OidcProviderBrandEntity, { brandId });
    if (!served) {
      throw DomainError.conflict(
        'No OIDC provider serves this brand: configure one before requiring single sign-on',
      );
    }
    const provider = await ctx.em.findOneByOrFail(OidcProviderEntity, { id: served.providerId });
    if (required) {
      const outside = (await this.memberEmails(ctx, brandId)).filter(
        (email) => !emailInDomains(email, provider.emailDomains),
      );
      if (outside.length > 0) {
        throw DomainError.conflict(
          `${outside.length} member(s) have an address outside ${provider.emailDomains.join(', ')} and could not sign in: change their address or remove them first`,
        );
      }
    }
    if (served.ssoRequired !== required) {
      await ctx.em.update(OidcProviderBrandEntity, { brandId }, { ssoRequired: required });
      await this.audit.append(ctx, {
        brandId,
        action: 'sso_requirement.set',
        entityType: 'OidcProvider',
        entityId: provider.id,
        data: { required, providerName: provider.name },
      });
    }
    return this.modelOf(provider, required);
  }

  private async memberEmails(ctx: RequestContext, brandId: string): Promise<string[]> {
    const rows = await ctx.em
      .createQueryBuilder(UserEntity, 'u')
      .innerJoin(MembershipEntity, 'm', 'm.userId = u.id AND m.brandId = :brandId', { brandId })
      .where('u.platformAdmin = :no', { no: false })
      .getMany();
    return rows.map((user) => user.email);
  }

  private async find(ctx: RequestContext, id: string): Promise<OidcProviderEntity> {
    const provider = await ctx.em.findOneBy(OidcProviderEntity, { id });
    if (!provider) throw DomainError.notFound('OIDC provider');
    return provider;
  }

  private checkedDomains(
    texts: readonly string[],
    by: { email: string; platformAdmin: boolean },
  ): string[] {
    const domains: string[] = [];
    for (const text of texts) {
      const domain = normalizedDomain(text);
      const problem = domain ? domainVouchingProblem(domain, by) : `"${text}" is not a domain name`;
      if (problem) {
        throw DomainError.invalidField([
          {
            field: 'input.emailDomains',
            rule: domain ? 'verifiedDomain' : 'domain',
            message: problem,
          },
        ]);
      }
      if (!domains.includes(domain!)) domains.push(domain!);
    }
    return domains;
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
