import { EmailRecipient, RenderedEmail } from '@standpoint/notifications';

// What every email must be, whichever feature writes it: each feature's template spec runs these
// checks on all its emails, rendered once with plain strings and again with hostile ones.

/** A user string that would run, link or break out of an attribute if it were not escaped. */
export const HOSTILE = `<script>alert("x")</script> & 'quoted' <img src=x onerror=alert(1)>`;

/** The decision link an approval email is rendered with (the worker puts the token in later). */
export const EXAMPLE_DECISION_URL = 'https://standpoint.example/decide/{{decision-token}}';

/** An approver asked to decide: the email carries a decision link. */
export const EXAMPLE_APPROVER: EmailRecipient = {
  userId: 'usr_approver',
  email: 'ceo@brand.example',
  name: 'Dana Ceo',
  timeZone: 'Europe/Paris',
  decisionUrl: EXAMPLE_DECISION_URL,
};

/** A member who is told something and asked nothing. */
export const EXAMPLE_READER: EmailRecipient = {
  ...EXAMPLE_APPROVER,
  userId: 'usr_reader',
  decisionUrl: null,
};

/** How many times `needle` occurs in `text`. */
export const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

/**
 * A feature's emails by name, rendered with every user string passed through `text` (identity for
 * the plain examples).
 */
export type EmailExamples = (text?: (s: string) => string) => [string, RenderedEmail][];

/** The house rules, as tests: escaped HTML, a one-line subject, a text part that is text, the layout. */
export function describeEveryEmail(examples: EmailExamples): void {
  describe.each(examples((s) => `${s} ${HOSTILE}`))('%s, with hostile strings', (_, email) => {
    it('escapes every user string in the HTML', () => {
      expect(email.html).not.toMatch(/<script|<img/i);
      expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(email.html).not.toContain('href="javascript:');
    });

    it('keeps the subject on one line', () => {
      expect(email.subject).not.toMatch(/[\r\n]/);
    });

    it('writes the text part as text, not as stripped markup', () => {
      expect(email.text).toContain(HOSTILE);
      expect(email.text).not.toMatch(/<(table|td|p|div|br|strong)\b/i);
      expect(email.text).not.toContain('&lt;');
    });
  });

  describe.each(examples((s) => `\u202e${s}\u2067`))(
    '%s, with bidirectional controls in every user string',
    (_, email) => {
      it('has no bidirectional control in the subject, which would reorder it in the inbox', () => {
        expect(email.subject).not.toMatch(/\p{Bidi_Control}/u);
        expect(email.subject.length).toBeGreaterThan(0);
      });
    },
  );

  describe.each(examples())('%s', (_, email) => {
    it('is a whole HTML document in the shared layout', () => {
      expect(email.html).toMatch(/^<!DOCTYPE html>/);
      expect(email.html).toContain('<meta name="viewport"');
      expect(email.html).toContain('max-width:600px');
      expect(email.html).not.toMatch(/<link\b|<script\b/i);
      expect(email.subject.length).toBeGreaterThan(0);
    });
  });
}
