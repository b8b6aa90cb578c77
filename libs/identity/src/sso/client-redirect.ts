// Where a sign-in ends when a client asked for it: a registered address. Framework-free.

import { createHash } from 'node:crypto';

/**
 * The registered address a client asked a sign-in to end at (`client_redirect`): null when it
 * asked none, undefined when it asked one that is not registered (SSO_CLIENT_REDIRECTS). Only
 * exact, registered addresses: the code must reach no one else.
 */
export function askedClientRedirect(
  asked: unknown,
  registered: readonly string[],
): string | null | undefined {
  if (asked === undefined || asked === '') return null;
  return typeof asked === 'string' && registered.includes(asked) ? asked : undefined;
}

/**
 * A registered address in few characters, for SAML's RelayState (80 bytes at most): the provider
 * echoes it, and it is looked up among the registered addresses again on the way back.
 */
export function clientRedirectKey(url: string): string {
  return `client:${createHash('sha256').update(url).digest('hex').slice(0, 32)}`;
}

/** The registered address a RelayState names, or null. */
export function clientRedirectOfKey(key: unknown, registered: readonly string[]): string | null {
  return registered.find((url) => clientRedirectKey(url) === key) ?? null;
}

/**
 * Where the browser goes once a sign-in ends at a client: the code (or why there is none) in the
 * fragment, which the browser sends to no server and no Referer carries.
 */
export function clientRedirectTo(
  url: string,
  outcome: { code: string } | { refusal: string },
): string {
  const fragment: [string, string] =
    'code' in outcome ? ['sign_in_code', outcome.code] : ['sign_in_error', outcome.refusal];
  return `${url}#${new URLSearchParams([fragment]).toString()}`;
}
