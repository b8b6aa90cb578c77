import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { In } from 'typeorm';
import { Operation } from '../access-policy';
import { requireBrandOperation } from '../brand-access';
import { SsoProtocol } from './sso-protocol';
import { SsoProviderBrandEntity } from './sso-provider-brand.entity';

/**
 * Which brands a provider serves, as its admins change them. Changing a provider needs ADMIN in
 * every brand it serves before and after, so no admin changes another brand's sign-in; a brand has
 * one provider of either protocol; and a brand that requires single sign-on keeps its provider.
 */
@Injectable()
export class SsoBrandLinks {
  /** The brands `providerId` serves now (none for a new one); the caller must be ADMIN of each. */
  async current(ctx: RequestContext, providerId?: string): Promise<SsoProviderBrandEntity[]> {
    const served = providerId ? await ctx.em.findBy(SsoProviderBrandEntity, { providerId }) : [];
    for (const { brandId } of served) requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    return served;
  }

  /**
   * In the caller's transaction, makes the provider serve exactly `brandIds` (their admin's
   * permission checked by the caller). Returns the brands it stopped serving.
   */
  async serve(
    ctx: RequestContext,
    protocol: SsoProtocol,
    providerId: string,
    served: readonly SsoProviderBrandEntity[],
    brandIds: readonly string[],
    now: Date,
  ): Promise<string[]> {
    const dropped = served.filter((row) => !brandIds.includes(row.brandId));
    if (dropped.some((row) => row.ssoRequired)) {
      throw DomainError.conflict(
        'A brand that requires single sign-on keeps its provider: lift the requirement first',
      );
    }
    const taken = await ctx.em.findBy(SsoProviderBrandEntity, { brandId: In([...brandIds]) });
    if (taken.some((row) => row.providerId !== providerId)) {
      throw DomainError.conflict(
        'A brand has one identity provider (OIDC or SAML): remove the brand from its other provider first',
      );
    }
    if (dropped.length > 0) {
      await ctx.em.delete(SsoProviderBrandEntity, {
        brandId: In(dropped.map((row) => row.brandId)),
      });
    }
    for (const brandId of brandIds) {
      if (served.some((row) => row.brandId === brandId)) continue;
      await ctx.em.insert(SsoProviderBrandEntity, {
        brandId,
        providerId,
        protocol,
        ssoRequired: false,
        createdAt: now,
      });
    }
    return dropped.map((row) => row.brandId);
  }
}
