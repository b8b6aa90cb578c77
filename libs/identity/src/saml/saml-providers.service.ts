import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Operation } from '../access-policy';
import { requireBrandOperation, requireUser } from '../brand-access';
import { checkedEmailDomains } from '../sso/email-domains';
import { SsoBrandLinks } from '../sso/sso-brand-links';
import { SsoProtocol } from '../sso/sso-protocol';
import { SsoProviderBrandEntity } from '../sso/sso-provider-brand.entity';
import { parseCertificate, readCertificate, SamlCertificate } from './saml-certificates';
import { DEFAULT_GROUPS_ATTRIBUTE, SamlProviderEntity } from './saml-provider.entity';
import { SamlProviderModel } from './saml-provider.model';
import { samlAcsUrl, samlEntityId, samlSignInUrl } from './saml-urls';
import { SetSamlProviderInput } from './set-saml-provider.input';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Brand admins configure their organisation's SAML provider, as they do an OIDC one: one provider
 * row serves every brand its admin lists, a brand has one provider of either protocol, and each
 * change is audited in every brand it touches. Nothing is fetched from the provider: its entity
 * id, sign-in URL and certificates are entered as the provider shows them.
 */
@Injectable()
export class SamlProvidersService {
  constructor(
    private readonly audit: AuditService,
    private readonly links: SsoBrandLinks,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async set(ctx: RequestContext, input: SetSamlProviderInput): Promise<SamlProviderModel> {
    const actor = requireUser(ctx);
    for (const brandId of input.brandIds)
      requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    const emailDomains = checkedEmailDomains(input.emailDomains, actor);
    const idpSsoUrl = checkedSsoUrl(input.idpSsoUrl);
    const before = input.id ? await ctx.em.findOneBy(SamlProviderEntity, { id: input.id }) : null;
    if (input.id && !before) throw DomainError.notFound('SAML provider');
    const served = await this.links.current(ctx, before?.id);
    const now = this.clock.now();
    const certificates = input.idpCertificates
      ? checkedCertificates(input.idpCertificates, now)
      : before?.idpCertificates.map((pem) => parseCertificate(pem) as SamlCertificate);
    if (!certificates) {
      throw DomainError.invalidField([
        {
          field: 'input.idpCertificates',
          rule: 'required',
          message: 'a new provider needs its signing certificate',
        },
      ]);
    }
    const id = before?.id ?? newId('saml');
    const after: SamlProviderEntity = {
      id,
      name: input.name.trim(),
      idpEntityId: input.idpEntityId.trim(),
      idpSsoUrl,
      idpCertificates: certificates.map((certificate) => certificate.pem),
      emailDomains,
      emailAttribute:
        input.emailAttribute !== undefined
          ? input.emailAttribute || null
          : (before?.emailAttribute ?? null),
      groupsAttribute: input.groupsAttribute ?? before?.groupsAttribute ?? DEFAULT_GROUPS_ATTRIBUTE,
      createdById: before?.createdById ?? actor.userId,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    if (before) await ctx.em.update(SamlProviderEntity, { id }, after);
    else await ctx.em.insert(SamlProviderEntity, after);
    const dropped = await this.links.serve(ctx, SsoProtocol.SAML, id, served, input.brandIds, now);
    for (const brandId of [...input.brandIds, ...dropped]) {
      await this.audit.append(ctx, {
        brandId,
        action: 'saml_provider.set',
        entityType: 'SamlProvider',
        entityId: id,
        data: {
          name: after.name,
          idpEntityId: after.idpEntityId,
          idpSsoUrl,
          certificateFingerprints: certificates.map((certificate) => certificate.fingerprint),
          emailDomains,
          emailAttribute: after.emailAttribute,
          groupsAttribute: after.groupsAttribute,
          serves: input.brandIds.includes(brandId),
        },
      });
    }
    const first = input.brandIds[0]!;
    return this.modelOf(after, served.find((row) => row.brandId === first)?.ssoRequired ?? false);
  }

  /** The brand's SAML provider, or null (none, or an OIDC one); brand admins only. */
  async ofBrand(ctx: RequestContext, brandId: string): Promise<SamlProviderModel | null> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    const served = await ctx.em.findOneBy(SsoProviderBrandEntity, { brandId });
    if (served?.protocol !== SsoProtocol.SAML) return null;
    const provider = await ctx.em.findOneByOrFail(SamlProviderEntity, { id: served.providerId });
    return this.modelOf(provider, served.ssoRequired);
  }

  private modelOf(provider: SamlProviderEntity, ssoRequired: boolean): SamlProviderModel {
    const publicUrl = this.config.publicUrl;
    return SamlProviderModel.from(provider, {
      ssoRequired,
      signInUrl: samlSignInUrl(publicUrl, provider.id),
      entityId: samlEntityId(publicUrl, provider.id),
      acsUrl: samlAcsUrl(publicUrl, provider.id),
    });
  }
}

/** The certificates as kept, or a refusal naming the first that cannot be used and why. */
function checkedCertificates(texts: readonly string[], now: Date): SamlCertificate[] {
  return texts.map((text, index) => {
    const certificate = readCertificate(text, now);
    if (typeof certificate === 'string') {
      throw DomainError.invalidField([
        {
          field: `input.idpCertificates.${index}`,
          rule: 'certificate',
          message: `the certificate ${certificate}`,
        },
      ]);
    }
    return certificate;
  });
}

/**
 * The sign-in URL as kept. The browser, not this server, goes there, so any host will do; but
 * over https, where nobody on the way reads or changes the request (http only on loopback, for
 * development and tests).
 */
function checkedSsoUrl(text: string): string {
  const url = URL.canParse(text.trim()) ? new URL(text.trim()) : null;
  const secure =
    url?.protocol === 'https:' || (url?.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!url || !secure || url.username || url.password || url.hash) {
    throw DomainError.invalidField([
      {
        field: 'input.idpSsoUrl',
        rule: 'url',
        message: 'must be an https URL without credentials or fragment (http only on loopback)',
      },
    ]);
  }
  return url.href;
}
