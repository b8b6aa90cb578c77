// Whom a SAML assertion vouches for, by the provider's settings. Framework-free.

import { groupsInClaim, usableName } from '../sso/identity-claims';
import { SsoIdentity } from '../sso/sso-provisioning';
import { SamlAssertionFacts } from './saml-assertion';
import { SamlProviderEntity } from './saml-provider.entity';

/** The attributes Entra ID, Okta and Google name a person's display name with, in that order. */
const NAME_ATTRIBUTES = [
  'http://schemas.microsoft.com/identity/claims/displayname',
  'displayName',
  'name',
];
const GIVEN_AND_FAMILY = [
  [
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  ],
  ['firstName', 'lastName'],
  ['givenName', 'sn'],
];

/**
 * The person: the email from the provider's email attribute, or the NameID (the default of
 * Okta, Entra ID and Google with an email NameID format); the name from the usual attributes,
 * else the email; the groups from the provider's groups attribute, null when it is absent.
 * Returns null when the email is missing or is not an address.
 */
export function samlIdentity(
  facts: SamlAssertionFacts,
  provider: Pick<SamlProviderEntity, 'emailAttribute' | 'groupsAttribute'>,
): SsoIdentity | null {
  const attributes = facts.attributes;
  const given = provider.emailAttribute ? first(attributes[provider.emailAttribute]) : facts.nameID;
  const email = (given ?? '').trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return null;
  return {
    email,
    name: usableName(nameIn(attributes), email),
    groups: groupsInClaim(attributes, provider.groupsAttribute),
  };
}

function nameIn(attributes: Readonly<Record<string, unknown>>): string | undefined {
  for (const attribute of NAME_ATTRIBUTES) {
    const name = first(attributes[attribute]);
    if (name) return name;
  }
  for (const [givenAttribute, familyAttribute] of GIVEN_AND_FAMILY) {
    const parts = [first(attributes[givenAttribute!]), first(attributes[familyAttribute!])];
    if (parts.some(Boolean)) return parts.filter(Boolean).join(' ');
  }
  return undefined;
}

function first(value: unknown): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : undefined;
}
