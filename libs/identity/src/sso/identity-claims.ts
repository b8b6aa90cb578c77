// What an ID token or an assertion says of its user: groups, name. Framework-free.

import { headingProblem, textProblem } from '@standpoint/graphql';

/**
 * The groups in the token's `claim` (or the assertion's attribute): a list of names (or ids), a single one as a list of one, and
 * null when the token does not carry the claim at all (or carries something else), which is not
 * the same as an empty list: a provider that was not set up to send groups must not strip every
 * member of their roles, while one that says "no groups" is believed.
 */
export function groupsInClaim(
  claims: Readonly<Record<string, unknown>>,
  claim: string,
): string[] | null {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return null;
  return value.filter((group): group is string => typeof group === 'string');
}

/**
 * The name a person provisioned at sign-in gets: the token's `name`, else their email. A name that
 * breaks the input or heading rule (a control character, a bidirectional control that would make
 * emails show other words) is not refused at the door, since the person did not choose it here:
 * the email stands in for it.
 */
export function nameFromClaims(claims: Readonly<Record<string, unknown>>, email: string): string {
  return usableName(claims.name, email);
}

/** `name` when it is a usable name, else the email (see nameFromClaims). */
export function usableName(name: unknown, email: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  const usable = trimmed && !textProblem(trimmed) && !headingProblem(trimmed);
  return (usable ? trimmed : email).slice(0, 200);
}
