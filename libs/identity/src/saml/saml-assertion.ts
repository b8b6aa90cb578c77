// What Standpoint checks of a validated assertion beyond what node-saml checks. Framework-free.

import type { Profile } from '@node-saml/node-saml';

/** What a signed assertion that passed every check says. */
export interface SamlAssertionFacts {
  /** The assertion's ID, refused when it comes again. */
  id: string;
  /** The latest NotOnOrAfter it carries: until then, a copy could be posted again. */
  notOnOrAfter: Date;
  /** The AuthnRequest it answers, inside the signed assertion; null for an IdP-initiated one. */
  inResponseTo: string | null;
  /** The subject's NameID, and the attributes by name (a value, or a list of them). */
  nameID: string;
  attributes: Readonly<Record<string, unknown>>;
}

/**
 * Why a posted SAMLResponse is not even read, or null: SAML forbids a DTD in a message (SAML 2.0
 * core, §1.3), and refusing one before any parser sees it rules out entity expansion attacks.
 */
export function rawResponseProblem(samlResponse: string): string | null {
  if (samlResponse.length === 0) return 'no SAMLResponse';
  if (!/^[A-Za-z0-9+/=\s]+$/.test(samlResponse)) return 'the SAMLResponse is not base64';
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  return /<!DOCTYPE/i.test(xml) ? 'the response carries a DTD, which SAML forbids' : null;
}

type Node = { $?: Record<string, string | undefined>; [child: string]: unknown };

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/**
 * node-saml has checked the assertion's signature, audience and times. This checks the rest that
 * a service provider must (SAML 2.0 profiles, §4.1.4.2–3): the issuer is the provider's; a bearer
 * subject confirmation names this consumer service as its Recipient; and the assertion has an ID
 * and an end of validity, so it can be refused when posted again. Returns the facts, or why not.
 */
export function checkedAssertion(
  profile: Profile,
  expected: { issuer: string; recipient: string },
): SamlAssertionFacts | string {
  if (profile.issuer !== expected.issuer)
    return `issuer ${String(profile.issuer)} is not the provider's`;
  const assertion = (profile.getAssertion?.() as { Assertion?: Node } | undefined)?.Assertion;
  const id = assertion?.$?.ID;
  if (!assertion || !id) return 'the assertion has no ID';
  const confirmations = children(children(assertion, 'Subject')[0], 'SubjectConfirmation').filter(
    (confirmation) => confirmation.$?.Method === BEARER,
  );
  const data = confirmations
    .flatMap((confirmation) => children(confirmation, 'SubjectConfirmationData'))
    .find((candidate) => candidate.$?.Recipient === expected.recipient);
  if (!data) return `no bearer confirmation names ${expected.recipient} as its Recipient`;
  const ends = [data.$?.NotOnOrAfter, children(assertion, 'Conditions')[0]?.$?.NotOnOrAfter]
    .filter((end): end is string => typeof end === 'string')
    .map((end) => new Date(end).getTime())
    .filter((end) => Number.isFinite(end));
  if (ends.length === 0) return 'the assertion never expires (no NotOnOrAfter)';
  return {
    id,
    notOnOrAfter: new Date(Math.max(...ends)),
    inResponseTo: data.$?.InResponseTo || null,
    nameID: typeof profile.nameID === 'string' ? profile.nameID : '',
    attributes: (profile.attributes as Record<string, unknown> | undefined) ?? {},
  };
}

function children(node: Node | undefined, name: string): Node[] {
  const found = node?.[name];
  return Array.isArray(found) ? (found as Node[]) : [];
}
