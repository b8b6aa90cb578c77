import {
  describeEveryEmail,
  EmailExamples,
  EXAMPLE_READER as reader,
  occurrences,
} from '@standpoint/testing';
import { EmailRecipient } from '@standpoint/notifications';
import { passwordResetEmail, ssoSignInEmail, welcomeEmail } from './account-link-emails';

const PASSWORD_URL = 'https://standpoint.example/account/password/{{password-token}}';
const LINK_EXPIRES = new Date('2026-12-08T09:00:00Z');
/** A new member, or one who asked for a reset: their name is theirs to choose, so it is text. */
const account = (text = (s: string) => s): EmailRecipient => ({
  ...reader,
  name: text('Noor Newcomer'),
  passwordUrl: PASSWORD_URL,
});

const everyEmail: EmailExamples = (text = (s) => s) => [
  [
    'welcome',
    welcomeEmail(
      {
        brandName: text('Acme'),
        addedByName: text('Ada Admin'),
        roles: ['APPROVER', 'REVIEWER'],
        expiresAt: LINK_EXPIRES,
      },
      account(text),
    ),
  ],
  ['password reset', passwordResetEmail({ expiresAt: LINK_EXPIRES }, account(text))],
];

const SIGN_IN_URL = 'https://standpoint.example/auth/oidc/oidc_1/start';
const sso = (text = (s: string) => s, required = true) => ({
  providerName: text('Acme Okta'),
  signInUrl: SIGN_IN_URL,
  required,
});

/**
 * What a member of a brand that requires single sign-on gets instead, and a new member the
 * brand's provider added: no password link.
 */
const ssoEmails: EmailExamples = (text = (s) => s) => [
  ['SSO welcome', ssoSignInEmail({ ...sso(text), brandName: text('Acme') }, reader)],
  ['SSO reset', ssoSignInEmail(sso(text), reader)],
  [
    'SSO welcome of a member the provider added',
    ssoSignInEmail({ ...sso(text, false), brandName: text('Acme') }, reader),
  ],
];

describe('the account emails', () => {
  describeEveryEmail(everyEmail);
  describeEveryEmail(ssoEmails);

  it.each(ssoEmails())(
    '%s sends to the provider’s sign-in, once in each part, and offers no password',
    (_, email) => {
      expect(occurrences(email.html, SIGN_IN_URL)).toBe(1);
      expect(occurrences(email.text, SIGN_IN_URL)).toBe(1);
      expect(email.text).not.toContain('/account/password/');
      expect(email.html).not.toContain('/account/password/');
      expect(email.text).toContain(': you sign in through Acme Okta');
    },
  );

  it('says why: the brand requires the provider, or the provider added them', () => {
    const [[, required], , [, added]] = ssoEmails();
    expect(required.text).toContain('Your brand requires single sign-on: you sign in through');
    expect(added.text).toContain(
      "Your organisation's identity provider added you: you sign in through",
    );
  });

  describe('carrying a password link (welcome, reset)', () => {
    const linking = everyEmail();

    it.each(linking)(
      '%s carries exactly one password link in each part, and no other',
      (_, email) => {
        expect(occurrences(email.html, PASSWORD_URL)).toBe(1);
        expect(occurrences(email.text, PASSWORD_URL)).toBe(1);
        expect(occurrences(email.html, '/account/password/')).toBe(1);
        expect(occurrences(email.text, '/account/password/')).toBe(1);
        expect(email.text).not.toContain('/decide/');
        expect(email.text).toContain('works once, until Tue, 8 Dec 2026, 10:00 (Europe/Paris)');
      },
    );

    it('refuses to render without a password link', () => {
      expect(() => passwordResetEmail({ expiresAt: LINK_EXPIRES }, reader)).toThrow(
        /password link/,
      );
    });

    it('a welcome says which brand, who added them and as what', () => {
      const [, email] = linking.find(([kind]) => kind === 'welcome')!;
      expect(email.subject).toBe('Welcome to Acme on Standpoint');
      expect(email.text).toContain('Ada Admin added you to Acme as APPROVER, REVIEWER.');
      expect(email.text).toContain('Nobody else knows or chooses your password');
    });

    it('a reset, which belongs to no brand, does not claim a membership', () => {
      const [, email] = linking.find(([kind]) => kind === 'password reset')!;
      expect(email.subject).toBe('Reset your Standpoint password');
      expect(email.text).not.toContain('you are a member of');
      expect(email.html).not.toContain('you are a member of');
      expect(email.text).toContain('signs you out everywhere');
    });
  });
});
