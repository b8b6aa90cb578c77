import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { EntityManager } from 'typeorm';
import { MembershipEntity } from '../membership.entity';
import { UserEntity } from '../user.entity';
import { emailInDomains } from './email-domains';
import { OidcProviderBrandEntity } from './oidc-provider-brand.entity';
import { OidcProviderEntity } from './oidc-provider.entity';
import { oidcSignInUrl } from './oidc-urls';

/** The provider a user must sign in through, and where that sign-in starts. */
export interface RequiredSignIn {
  providerId: string;
  providerName: string;
  signInUrl: string;
}

/**
 * Enforcement: a user who is a member of any brand that requires single sign-on signs in through
 * that brand's provider, and has no password sign-in, reset or form. Platform administrators are
 * never held to it: theirs is the break-glass password that still works when a provider is down.
 */
@Injectable()
export class SsoRequirement {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Where the user must sign in instead of with a password; null when a password is theirs. */
  async of(em: EntityManager, user: UserEntity): Promise<RequiredSignIn | null> {
    if (user.platformAdmin) return null;
    const provider = await em
      .createQueryBuilder(OidcProviderEntity, 'p')
      .innerJoin(OidcProviderBrandEntity, 'pb', 'pb.providerId = p.id AND pb.ssoRequired = :yes', {
        yes: true,
      })
      .innerJoin(MembershipEntity, 'm', 'm.brandId = pb.brandId AND m.userId = :userId', {
        userId: user.id,
      })
      .orderBy('p.createdAt', 'ASC')
      .getOne();
    return provider && this.signInOf(provider);
  }

  /**
   * The sign-in of the provider that serves the brand and vouches for the user's address (one of
   * its domains), whether or not the brand requires it; null when none does.
   */
  async ofBrand(
    em: EntityManager,
    brandId: string,
    user: UserEntity,
  ): Promise<RequiredSignIn | null> {
    const served = await em.findOneBy(OidcProviderBrandEntity, { brandId });
    const provider = served && (await em.findOneBy(OidcProviderEntity, { id: served.providerId }));
    return provider && emailInDomains(user.email, provider.emailDomains)
      ? this.signInOf(provider)
      : null;
  }

  signInOf(provider: OidcProviderEntity): RequiredSignIn {
    return {
      providerId: provider.id,
      providerName: provider.name,
      signInUrl: oidcSignInUrl(this.config.publicUrl, provider.id),
    };
  }
}
