import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Operation } from '../access-policy';
import { requireBrandOperation } from '../brand-access';
import { MembershipEntity } from '../membership.entity';
import { OidcProvidersService } from '../oidc/oidc-providers.service';
import { SamlProvidersService } from '../saml/saml-providers.service';
import { UserEntity } from '../user.entity';
import { emailInDomains } from './email-domains';
import { SsoDirectory } from './sso-directory';
import { SsoProviderBrandEntity } from './sso-provider-brand.entity';
import { SsoProviderModel } from './sso-provider.model';

/** A brand's identity provider, whatever its protocol, and whether the brand requires it. */
@Injectable()
export class SsoEnforcementService {
  constructor(
    private readonly directory: SsoDirectory,
    private readonly oidc: OidcProvidersService,
    private readonly saml: SamlProvidersService,
    private readonly audit: AuditService,
  ) {}

  /** The brand's provider, or null; brand admins only. */
  async ofBrand(ctx: RequestContext, brandId: string): Promise<SsoProviderModel | null> {
    return (await this.oidc.ofBrand(ctx, brandId)) ?? (await this.saml.ofBrand(ctx, brandId));
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
  ): Promise<SsoProviderModel> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    const served = await ctx.em.findOneBy(SsoProviderBrandEntity, { brandId });
    const provider =
      served && (await this.directory.summary(ctx.em, served.protocol, served.providerId));
    if (!served || !provider) {
      throw DomainError.conflict(
        'No identity provider serves this brand: configure one before requiring single sign-on',
      );
    }
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
      await ctx.em.update(SsoProviderBrandEntity, { brandId }, { ssoRequired: required });
      await this.audit.append(ctx, {
        brandId,
        action: 'sso_requirement.set',
        entityType: 'SsoProvider',
        entityId: provider.id,
        data: { required, providerName: provider.name },
      });
    }
    return (await this.ofBrand(ctx, brandId))!;
  }

  private async memberEmails(ctx: RequestContext, brandId: string): Promise<string[]> {
    const rows = await ctx.em
      .createQueryBuilder(UserEntity, 'u')
      .innerJoin(MembershipEntity, 'm', 'm.userId = u.id AND m.brandId = :brandId', { brandId })
      .where('u.platformAdmin = :no', { no: false })
      .getMany();
    return rows.map((user) => user.email);
  }
}
