import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { EntityManager, In } from 'typeorm';
import { MembershipEntity } from '../membership.entity';
import { OidcProviderEntity } from '../oidc/oidc-provider.entity';
import { SamlProviderEntity } from '../saml/saml-provider.entity';
import { SsoProtocol } from './sso-protocol';
import { SsoProviderBrandEntity } from './sso-provider-brand.entity';

/** What every sign-in, whatever its protocol, needs to know of the provider. */
export interface SsoProviderSummary {
  id: string;
  name: string;
  protocol: SsoProtocol;
  emailDomains: string[];
  createdAt: Date;
}

/** The providers that serve brands, of either protocol, and the brands they serve. */
@Injectable()
export class SsoDirectory {
  /** The provider, if it serves a brand at all. */
  async serving(em: EntityManager, providerId: string): Promise<SsoProviderSummary | null> {
    const served = await em.findOneBy(SsoProviderBrandEntity, { providerId });
    return served ? this.summary(em, served.protocol, providerId) : null;
  }

  async summary(
    em: EntityManager,
    protocol: SsoProtocol,
    providerId: string,
  ): Promise<SsoProviderSummary | null> {
    const entity = protocol === SsoProtocol.SAML ? SamlProviderEntity : OidcProviderEntity;
    const row = await em.findOneBy(entity, { id: providerId });
    return row
      ? {
          id: row.id,
          name: row.name,
          protocol,
          emailDomains: row.emailDomains,
          createdAt: row.createdAt,
        }
      : null;
  }

  /** The brands the provider serves. */
  async servedBrandIds(ctx: RequestContext, providerId: string): Promise<string[]> {
    const served = await ctx.em.findBy(SsoProviderBrandEntity, { providerId });
    return served.map((row) => row.brandId).sort();
  }

  /** Those of `brandIds` (the brands a provider serves) the user is a member of. */
  async memberBrandsAmong(
    ctx: RequestContext,
    userId: string,
    brandIds: readonly string[],
  ): Promise<string[]> {
    if (brandIds.length === 0) return [];
    const memberships = await ctx.em.findBy(MembershipEntity, {
      userId,
      brandId: In([...brandIds]),
    });
    return memberships.map((m) => m.brandId).sort();
  }
}
