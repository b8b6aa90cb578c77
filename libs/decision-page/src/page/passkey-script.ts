import { createHash } from 'node:crypto';
import { trusted } from '@standpoint/html';

/**
 * The decision form's only script, inline and admitted by hash. When the chosen outcome needs the
 * approver's passkey (the form's `data-passkey` lists those outcomes) or they ticked "confirm with
 * my passkey", it asks the server for a challenge that commits to this decision, has the browser
 * sign it (navigator.credentials.get), and posts the assertion with the form. Without it (or
 * without WebAuthn) the form posts as it is, and the server says what is missing.
 */
const SCRIPT = `(() => {
  const form = document.querySelector('form[data-passkey]');
  if (!form || !window.PublicKeyCredential) return;
  const fields = form.elements;
  const status = document.getElementById('passkey-status');
  const required = form.dataset.passkey.split(' ');
  const bytes = (text) =>
    Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const text = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer)))
      .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  form.addEventListener('submit', async (event) => {
    const outcome = fields.namedItem('outcome').value;
    const chosen = fields.namedItem('confirmWithPasskey');
    if (!outcome || fields.namedItem('passkeyAssertion').value) return;
    if (!required.includes(outcome) && !(chosen && chosen.checked)) return;
    event.preventDefault();
    status.textContent = 'Confirm with your passkey…';
    try {
      const answer = await fetch(location.pathname + '/passkey-challenge', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ antiForgery: fields.namedItem('antiForgery').value, outcome }),
      });
      const options = await answer.json();
      if (!answer.ok) throw new Error(options.message);
      const credential = await navigator.credentials.get({
        publicKey: {
          ...options,
          challenge: bytes(options.challenge),
          allowCredentials: options.allowCredentials.map((c) => ({ ...c, id: bytes(c.id) })),
        },
      });
      const r = credential.response;
      fields.namedItem('passkeyAssertion').value = JSON.stringify({
        id: credential.id,
        rawId: text(credential.rawId),
        type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        response: {
          clientDataJSON: text(r.clientDataJSON),
          authenticatorData: text(r.authenticatorData),
          signature: text(r.signature),
          userHandle: r.userHandle ? text(r.userHandle) : undefined,
        },
      });
      status.textContent = 'Confirmed with your passkey: recording your decision…';
      form.submit();
    } catch (error) {
      status.textContent =
        'Your passkey did not confirm the decision (' + error.message + '). Nothing was recorded: try again.';
    }
  });
})();`;

/** Content-Security-Policy admits exactly this script, by hash. */
export const PASSKEY_SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');
export const PASSKEY_SCRIPT_ELEMENT = trusted(`<script>${SCRIPT}</script>`);
