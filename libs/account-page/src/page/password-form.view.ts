import { layout } from '@standpoint/decision-page';
import { html } from '@standpoint/html';

/** What the form shows: whose password it sets, and why the last attempt was refused. */
export interface PasswordFormState {
  email: string;
  purpose: 'WELCOME' | 'RESET';
  problem?: string;
}

const HINT =
  'Judged by how hard it is to guess, not by its length alone: a few uncommon words together work well. Your name, email and brand’s name do not help.';

/**
 * The password page's form: one labelled field (with the account's email beside it for password
 * managers), the anti-forgery field, a button; no script, fits a phone, works from the keyboard.
 */
export function passwordFormPage(state: PasswordFormState, antiForgeryField: string): string {
  const title = state.purpose === 'WELCOME' ? 'Choose your password' : 'Choose a new password';
  const problem = state.problem;
  return layout(
    title,
    html`<h1>${title}</h1>
      <p class="meta">For ${state.email}</p>
      ${
        problem
          ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
              <h2 id="error-summary-title">Your password was not set</h2>
              <p id="password-error" class="error">${problem}</p>
            </div>`
          : null
      }
      <form method="post" novalidate>
        <input type="hidden" name="antiForgery" value="${antiForgeryField}" />
        <input
          type="email"
          name="username"
          autocomplete="username"
          value="${state.email}"
          hidden
          readonly
        />
        <label for="password">New password</label>
        <p id="password-hint" class="hint">${HINT}</p>
        <input
          type="password"
          id="password"
          name="password"
          autocomplete="new-password"
          required
          maxlength="200"
          aria-describedby="password-hint${problem ? ' password-error' : ''}"
          ${problem ? html`aria-invalid="true"` : null}
          autofocus
        />
        <p><button type="submit">Set password</button></p>
      </form>`,
  );
}
