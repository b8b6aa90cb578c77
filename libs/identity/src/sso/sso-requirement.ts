import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { EntityManager } from 'typeorm';
import { MembershipEntity } from '../membership.entity';
import { oidcSignInUrl } from '../oidc/oidc-urls';
import { samlSignInUrl } from '../saml/saml-urls';
import { UserEntity } from '../user.entity';
import { emailInDomains } from './email-domains';
import { SsoDirectory } from './sso-directory';
import { SsoProtocol } from './sso-protocol';
import { SsoProviderBrandEntity } from './sso-provider-brand.entity';

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
  constructor(
    private readonly directory: SsoDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Where the user must sign in instead of with a password; null when a password is theirs. Of
   * several such brands, the provider configured first is named (the same one every time).
   */
  async of(em: EntityManager, user: UserEntity): Promise<RequiredSignIn | null> {
    if (user.platformAdmin) return null;
    const required = await em
      .createQueryBuilder(SsoProviderBrandEntity, 'pb')
      .innerJoin(MembershipEntity, 'm', 'm.brandId = pb.brandId AND m.userId = :userId', {
        userId: user.id,
      })
      .where('pb.ssoRequired = :yes', { yes: true })
      .getMany();
    const providers = [];
    for (const row of new Map(required.map((r) => [r.providerId, r])).values()) {
      const provider = await this.directory.summary(em, row.protocol, row.providerId);
      if (provider) providers.push(provider);
    }
    providers.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const first = providers[0];
    return first ? this.signInOf(first) : null;
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
    const served = await em.findOneBy(SsoProviderBrandEntity, { brandId });
    const provider =
      served && (await this.directory.summary(em, served.protocol, served.providerId));
    return provider && emailInDomains(user.email, provider.emailDomains)
      ? this.signInOf(provider)
      : null;
  }

  private signInOf(provider: { id: string; name: string; protocol: SsoProtocol }): RequiredSignIn {
    const url = provider.protocol === SsoProtocol.SAML ? samlSignInUrl : oidcSignInUrl;
    return {
      providerId: provider.id,
      providerName: provider.name,
      signInUrl: url(this.config.publicUrl, provider.id),
    };
  }
}
