import { html } from '@standpoint/html';
import {
  button,
  EmailRecipient,
  formatDateTime,
  layout,
  paragraph,
  RenderedEmail,
  subjectLine,
  textLayout,
} from '@standpoint/notifications';

export interface WelcomeFacts {
  brandName: string;
  /** Who added them. */
  addedByName: string;
  roles: readonly string[];
  expiresAt: Date;
}

export interface PasswordResetFacts {
  expiresAt: Date;
}

const UNASKED =
  'Nobody else knows or chooses your password: not an administrator, not us. If you did not expect this email, you can ignore it; the link stops working on its own.';

/**
 * A new member without a password is welcomed with a link to choose one: exactly one link to
 * `/account/password/<token>` in each part, single-use, for seven days.
 */
export function welcomeEmail(facts: WelcomeFacts, to: EmailRecipient): RenderedEmail {
  const url = passwordUrlOf(to);
  const title = `Welcome to ${facts.brandName} on Standpoint`;
  const intro = `${facts.addedByName} added you to ${facts.brandName} as ${facts.roles.join(', ')}. Choose your password to sign in.`;
  const expiry = `The link works once, until ${formatDateTime(facts.expiresAt, to.timeZone)}.`;
  return {
    subject: subjectLine(title),
    html: layout({
      brandName: facts.brandName,
      title,
      preheader: intro,
      body: html`${paragraph(`Hello ${to.name},`)}${paragraph(intro)}${button(url, 'Choose your password')}${paragraph(expiry)}${paragraph(UNASKED)}`,
    }),
    text: textLayout(facts.brandName, title, [
      `Hello ${to.name},`,
      intro,
      `Choose your password: ${url}`,
      expiry,
      UNASKED,
    ]),
  };
}

/** A reset link someone asked for: one link in each part, single-use, for an hour. */
export function passwordResetEmail(facts: PasswordResetFacts, to: EmailRecipient): RenderedEmail {
  const url = passwordUrlOf(to);
  const title = 'Choose a new password';
  const intro = `Someone asked for a new password for ${to.email} on Standpoint.`;
  const expiry = `The link works once, until ${formatDateTime(facts.expiresAt, to.timeZone)}. Setting a new password signs you out everywhere.`;
  const reason = `You receive this because a password reset was asked for ${to.email} on Standpoint.`;
  return {
    subject: subjectLine('Reset your Standpoint password'),
    html: layout({
      brandName: 'Standpoint',
      title,
      preheader: intro,
      reason,
      body: html`${paragraph(`Hello ${to.name},`)}${paragraph(intro)}${button(url, 'Choose a new password')}${paragraph(expiry)}${paragraph(UNASKED)}`,
    }),
    text: textLayout(
      'Standpoint',
      title,
      [`Hello ${to.name},`, intro, `Choose a new password: ${url}`, expiry, UNASKED],
      reason,
    ),
  };
}

function passwordUrlOf(to: EmailRecipient): string {
  if (!to.passwordUrl) throw new Error(`an email with a password link for ${to.userId} needs one`);
  return to.passwordUrl;
}
