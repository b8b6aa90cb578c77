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

/**
 * The provider a member signs in through (docs/sso.md): the one a brand of theirs requires, or
 * the one that added them to a brand it serves.
 */
export interface SsoSignInFacts {
  providerName: string;
  signInUrl: string;
  required: boolean;
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

/**
 * What a member of a brand that requires single sign-on gets instead of a password link, whether
 * they were just added (`brandName`) or asked for a reset: where to sign in, and no password form.
 */
export function ssoSignInEmail(
  facts: SsoSignInFacts & { brandName?: string },
  to: EmailRecipient,
): RenderedEmail {
  const title = `Sign in through ${facts.providerName}`;
  const intro = facts.brandName
    ? `You are now a member of ${facts.brandName} on Standpoint.`
    : `Someone asked for a new Standpoint password for ${to.email}.`;
  const why = facts.required
    ? 'Your brand requires single sign-on'
    : "Your organisation's identity provider added you";
  const rule = `${why}: you sign in through ${facts.providerName}, with your organisation's account, and have no Standpoint password to choose.`;
  const reason = `You receive this because ${facts.brandName ? 'you were added to a brand' : 'a password reset was asked for'} on Standpoint.`;
  return {
    subject: subjectLine(facts.brandName ? `Welcome to ${facts.brandName} on Standpoint` : title),
    html: layout({
      brandName: facts.brandName ?? 'Standpoint',
      title,
      preheader: rule,
      reason,
      body: html`${paragraph(`Hello ${to.name},`)}${paragraph(intro)}${paragraph(rule)}${button(facts.signInUrl, title)}`,
    }),
    text: textLayout(
      facts.brandName ?? 'Standpoint',
      title,
      [`Hello ${to.name},`, intro, rule, `${title}: ${facts.signInUrl}`],
      reason,
    ),
  };
}

function passwordUrlOf(to: EmailRecipient): string {
  if (!to.passwordUrl) throw new Error(`an email with a password link for ${to.userId} needs one`);
  return to.passwordUrl;
}
