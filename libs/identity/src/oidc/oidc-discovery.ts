import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { DomainError } from '@standpoint/errors';
import { checkedTargetUrl, checkTarget } from '@standpoint/outbound';
import * as oidc from 'openid-client';

/** How long one request to an identity provider may take (discovery, keys, token exchange). */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * openid-client's view of a provider, from its issuer's discovery document. Every request to the
 * provider, to the issuer and to each endpoint its discovery document names, goes to a public
 * address over https (the addresses are the configuring admin's to choose, like a webhook's),
 * unless OIDC_ALLOW_PRIVATE_ISSUERS (tests, development) allows http and private networks.
 */
@Injectable()
export class OidcDiscovery {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The client of `issuer` (discovery, checked: its `issuer` must be exactly this one). */
  configuration(issuer: string, clientId: string, clientSecret: string) {
    const allowPrivate = this.config.oidcAllowPrivateIssuers;
    return oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      [oidc.customFetch]: async (url, options) => {
        await checkTarget(new URL(url), allowPrivate);
        return fetch(url, options as RequestInit);
      },
      execute: [
        // The ID token's signature is checked against the provider's published keys, not only
        // trusted for having come over TLS from the token endpoint (openid-client's default).
        oidc.enableNonRepudiationChecks,
        ...(allowPrivate ? [oidc.allowInsecureRequests] : []),
      ],
    });
  }

  /** The issuer URL as it is kept, or a refusal naming the field and the rule. */
  async checkedIssuer(text: string): Promise<string> {
    const url = await checkedTargetUrl(text, this.config.oidcAllowPrivateIssuers, 'input.issuer');
    if (url.search || url.hash) {
      throw DomainError.invalidField([
        { field: 'input.issuer', rule: 'issuer', message: 'must carry no query or fragment' },
      ]);
    }
    return url.href.replace(/\/$/, '');
  }
}
