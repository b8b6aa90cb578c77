import { layout, noticePage, sendPage } from '@standpoint/decision-page';
import { html } from '@standpoint/html';
import { clientRedirectTo, type SsoRefusal, type SsoSignInOutcome } from '@standpoint/identity';
import type { Response } from 'express';

/**
 * The end of a single sign-on (OIDC or SAML): the one-time code the client exchanges for its session
 * (`exchangeSignInCode`), shown in the page and never in an address, so no log, history or
 * Referer keeps it. It works once, for two minutes.
 */
function signedInPage(email: string, providerName: string, code: string): string {
  return layout(
    'Signed in',
    html`<h1>Signed in</h1>
      <div class="notice done" role="status">
        <p>${providerName} signed you in as ${email}.</p>
      </div>
      <p>Your Standpoint client finishes signing you in with this one-time code:</p>
      <p><output id="sign-in-code">${code}</output></p>
      <p class="hint">It works once, within two minutes. Do not share it.</p>`,
  );
}

const REFUSALS: Record<SsoRefusal, [string, string]> = {
  STATE: [
    'This sign-in cannot be finished',
    'It was not started in this browser, took more than ten minutes, or was already finished. Start signing in again.',
  ],
  PROVIDER: [
    'Your identity provider did not sign you in',
    'Its answer was refused (it failed, or it was not for Standpoint, not signed by it, expired or not this sign-in’s). Start signing in again.',
  ],
  REPLAYED: [
    'This sign-in was already used',
    'Your identity provider’s answer can sign in once only. Start signing in again.',
  ],
  EMAIL_UNVERIFIED: [
    'Your email address is not verified',
    'Your identity provider does not vouch for your email address. Ask your administrator to verify it there.',
  ],
  EMAIL_DOMAIN: [
    'This address cannot sign in here',
    'Your identity provider signs in addresses of its organisation’s own domains only.',
  ],
  NOT_A_MEMBER: [
    'You are not a member here yet',
    'Only members of a brand this provider serves, or people whose groups at the provider give them a role in one, can sign in through it. Ask a brand administrator to add you, or your IT team for the right group.',
  ],
  INACTIVE: ['This account is not active', 'Your Standpoint account has been deactivated.'],
};

/** Why nobody was signed in, said plainly, with the reason's name for support. */
function refusedPage(refusal: SsoRefusal): string {
  const [title, message] = REFUSALS[refusal];
  return noticePage(title, html`${message} (${refusal})`);
}

/** A client asked a sign-in to end at an address that is not registered: nothing was started. */
export function unregisteredClientPage(): string {
  return noticePage(
    'This sign-in cannot start',
    'The application that sent you here asked to be given your sign-in at an address this Standpoint does not know (SSO_CLIENT_REDIRECTS). Ask your administrator.',
  );
}

/** An OIDC provider's discovery could not be read: nothing was started. */
export function unavailablePage(providerName: string): string {
  return noticePage(
    `${providerName} cannot be reached`,
    'Standpoint could not read its settings. Try again in a moment, or ask your administrator.',
  );
}

/**
 * The end of a sign-in of either protocol: at the client's registered address when it asked for
 * one (303, the code or the refusal in the fragment), else a page with the code (200) or why not
 * (403).
 */
export function sendSignInOutcome(response: Response, outcome: SsoSignInOutcome): void {
  if (outcome.clientRedirect) {
    const told = outcome.kind === 'SIGNED_IN' ? { code: outcome.code } : outcome;
    response
      .set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
      .redirect(303, clientRedirectTo(outcome.clientRedirect, told));
    return;
  }
  if (outcome.kind === 'SIGNED_IN') {
    return sendPage(response, 200, signedInPage(outcome.email, outcome.providerName, outcome.code));
  }
  sendPage(response, 403, refusedPage(outcome.refusal));
}
