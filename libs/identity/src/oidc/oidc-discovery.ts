import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { checkedTargetUrl, checkTarget } from '@standpoint/outbound';
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';

/** How long one request to an identity provider may take (discovery, keys, token exchange). */
const PROVIDER_TIMEOUT_SECONDS = 10;

/** How long a provider's discovery document is used before it is read again. */
export const DISCOVERY_TTL_MS = 10 * 60 * 1000;

interface Discovered {
  configuration: Promise<oidc.Configuration>;
  /** The configuration once read. */
  read?: oidc.Configuration;
  expiresAt: number;
}

/**
 * openid-client's view of a provider, from its issuer's discovery document. Every request to the
 * provider, to the issuer and to each endpoint its discovery document names, goes to a public
 * address over https (the addresses are the configuring admin's to choose, like a webhook's),
 * unless OIDC_ALLOW_PRIVATE_ISSUERS (tests, development) allows http and private networks.
 *
 * Sign-ins share one configuration per issuer, client id and secret for ten minutes: a changed
 * setting is another entry, so it takes effect at once. openid-client keeps the provider's keys
 * inside the configuration (five minutes, read again sooner for a key id it does not know once
 * they are a minute old). A failed read is not kept.
 */
@Injectable()
export class OidcDiscovery {
  private readonly discovered = new Map<string, Discovered>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The client of `issuer`, as read within the last ten minutes or read now. */
  configuration(issuer: string, clientId: string, clientSecret: string) {
    const key = entryKey(issuer, clientId, clientSecret);
    const now = this.clock.now().getTime();
    const kept = this.discovered.get(key);
    if (kept && kept.expiresAt > now) return kept.configuration;
    for (const [other, entry] of this.discovered) {
      if (entry.expiresAt <= now) this.discovered.delete(other);
    }
    const entry: Discovered = {
      configuration: this.discover(issuer, clientId, clientSecret),
      expiresAt: now + DISCOVERY_TTL_MS,
    };
    this.discovered.set(key, entry);
    void entry.configuration.then(
      (read) => {
        entry.read = read;
      },
      () => {
        if (this.discovered.get(key) === entry) this.discovered.delete(key);
      },
    );
    return entry.configuration;
  }

  /** Drops a configuration this keeps, so that the provider's next sign-in reads it afresh. */
  forget(configuration: oidc.Configuration): void {
    for (const [key, entry] of this.discovered) {
      if (entry.read === configuration) this.discovered.delete(key);
    }
  }

  /** The client of `issuer`, read now (discovery, checked: its `issuer` must be exactly this one). */
  discover(issuer: string, clientId: string, clientSecret: string) {
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

/** The secret is kept as its hash in the key: the configuration holds it, and nothing else. */
function entryKey(issuer: string, clientId: string, clientSecret: string): string {
  const secret = createHash('sha256').update(clientSecret).digest('hex');
  return JSON.stringify([issuer, clientId, secret]);
}
