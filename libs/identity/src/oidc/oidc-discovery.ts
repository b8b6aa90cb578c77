import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { DomainError } from '@standpoint/errors';
import * as oidc from 'openid-client';

/** How long one request to an identity provider may take (discovery, keys, token exchange). */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * openid-client's view of a provider, from its issuer's discovery document. Every request to the
 * provider is https unless OIDC_ALLOW_HTTP_ISSUERS (tests, development) allows plain http.
 */
@Injectable()
export class OidcDiscovery {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The client of `issuer` (discovery, checked: its `issuer` must be exactly this one). */
  configuration(issuer: string, clientId: string, clientSecret: string) {
    return oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      execute: [
        // The ID token's signature is checked against the provider's published keys, not only
        // trusted for having come over TLS from the token endpoint (openid-client's default).
        oidc.enableNonRepudiationChecks,
        ...(this.config.oidcAllowHttpIssuers ? [oidc.allowInsecureRequests] : []),
      ],
    });
  }

  /** The issuer URL as it is kept, or a refusal naming the field and the rule. */
  checkedIssuer(text: string): string {
    const refuse = (rule: string, message: string) =>
      DomainError.invalidField([{ field: 'input.issuer', rule, message }]);
    let url: URL;
    try {
      url = new URL(text.trim());
    } catch {
      throw refuse('url', 'must be an absolute URL such as https://acme.okta.com');
    }
    const schemes = this.config.oidcAllowHttpIssuers ? ['https:', 'http:'] : ['https:'];
    if (!schemes.includes(url.protocol)) throw refuse('https', 'must use https');
    if (url.username || url.password || url.search || url.hash) {
      throw refuse('issuer', 'must carry no user name, password, query or fragment');
    }
    return url.href.replace(/\/$/, '');
  }
}
