// What every email is made for and made of: its recipient, and the parts it is stored and sent as.

/** Who one email is for. */
export interface EmailRecipient {
  userId: string;
  email: string;
  name: string;
  /** The IANA time zone every time in their email is shown in. */
  timeZone: string;
  /** The decision link (with the token placeholder) when the email asks for a decision. */
  decisionUrl: string | null;
  /** The password link (with the token placeholder) of a welcome or reset email. */
  passwordUrl?: string | null;
}

/** An email as it is stored on its outbox row and sent. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
