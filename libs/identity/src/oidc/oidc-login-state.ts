import { SecretBox } from '@standpoint/database';

/** What the login cookie carries between the start and the callback of one sign-in. */
export interface OidcLoginState {
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The registered client address the sign-in ends at, when the client asked for one. */
  clientRedirect?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** The cookie's name; it is scoped to /auth/oidc, httpOnly, SameSite=Lax. */
export const OIDC_LOGIN_COOKIE = 'standpoint_oidc_login';

/** A sign-in must come back from the provider within this long. */
export const OIDC_LOGIN_TTL_MS = 10 * 60 * 1000;

const CONTEXT = 'oidc_login';

/**
 * The login state travels in the browser, sealed (AES-GCM under SECRETS_KEY): it cannot be read,
 * forged or changed there, so the server keeps nothing per started sign-in.
 */
export function sealLoginState(box: SecretBox, state: OidcLoginState): string {
  return box.seal(JSON.stringify(state), CONTEXT);
}

/** The state a cookie carries, or null for a missing, tampered or expired one. */
export function openLoginState(
  box: SecretBox,
  sealed: string | undefined,
  now: Date,
): OidcLoginState | null {
  if (!sealed) return null;
  try {
    const state = JSON.parse(box.open(sealed, CONTEXT)) as OidcLoginState;
    return state.expiresAt > now.getTime() ? state : null;
  } catch {
    return null;
  }
}
