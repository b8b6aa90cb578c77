import { DomainError } from '@standpoint/errors';

/**
 * Which email domains an identity provider may vouch for. A provider signs people in by the email
 * its ID token or assertion carries, so the domain must be the organisation's own: a brand admin
 * may name only the domain of their own address (which their welcome link proved they read), never
 * a public mail service's (where their address proves nothing about anyone else's); a platform
 * administrator approves any other domain by configuring the provider themselves.
 */

/** Mail services whose addresses anyone may open: no organisation controls their domain. */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
  'web.de',
  'mail.com',
  'yandex.com',
  'zoho.com',
]);

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The domain as it is kept (lower case, no trailing dot), or null when it is not one. */
export function normalizedDomain(text: string): string | null {
  const domain = text.trim().toLowerCase().replace(/\.$/, '');
  return DOMAIN.test(domain) ? domain : null;
}

/** The domain part of an address, lower case. */
export function domainOfEmail(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** Why the configuring user may not vouch for `domain`, or null when they may. */
export function domainVouchingProblem(
  domain: string,
  by: { email: string; platformAdmin: boolean },
): string | null {
  if (by.platformAdmin) return null;
  if (PUBLIC_MAIL_DOMAINS.has(domain)) {
    return `${domain} is a public mail service: only a platform administrator may configure it`;
  }
  if (domain !== domainOfEmail(by.email)) {
    return `${domain} is not the domain of your own address: a platform administrator must configure it`;
  }
  return null;
}

/** Whether the provider vouches for this address. */
export function emailInDomains(email: string, domains: readonly string[]): boolean {
  return domains.includes(domainOfEmail(email));
}

/**
 * Whether the ID token vouches for its email: `email_verified` (Okta, Google), or Microsoft Entra
 * ID's optional claim `xms_edov`, which says the email's domain is verified in the tenant that
 * issued it (Entra sends no `email_verified`); the domain must be the provider's all the same.
 */
export function emailVerifiedIn(claims: Record<string, unknown>): boolean {
  return claims.email_verified === true || claims.xms_edov === true;
}

/**
 * The domains a provider being configured by `by` will vouch for, as kept (normalised, once
 * each), or a refusal of `input.emailDomains` naming the rule it breaks.
 */
export function checkedEmailDomains(
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
