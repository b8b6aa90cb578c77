// What the brand's admins are told when something goes wrong: one small typed thing, rendered
// once per sink (an email, a Teams card; a chat sink of its own is one more renderer).

import { EmailTopic } from '../email/email-topic';
import { formatDateTime } from '../email/kit';

export type AlertKind = 'PROPOSAL_EXPIRED' | 'DELIVERY_GAVE_UP' | 'UNAPPROVED_CONTENT';

/** The topic of each kind of alert, on its outbox rows (listed with the emails' topics). */
export const ALERT_TOPICS = {
  PROPOSAL_EXPIRED: 'alert.proposal_expired',
  DELIVERY_GAVE_UP: 'alert.delivery_gave_up',
  UNAPPROVED_CONTENT: 'alert.unapproved_content',
} as const satisfies Record<AlertKind, EmailTopic & `alert.${string}`>;

/** Whether an outbox topic is an alert's: an alert that cannot be delivered raises none (no loop). */
export function isAlertTopic(topic: string): boolean {
  return (Object.values(ALERT_TOPICS) as string[]).includes(topic);
}

export interface Alert {
  kind: AlertKind;
  brandId: string;
  brandName: string;
  /** One line: the subject of the email, the title of the card. */
  headline: string;
  /** What happened and what to do, in a sentence or two. */
  summary: string;
  /** A moment is written on each reader's clock: an admin's own zone, UTC on a shared card. */
  facts: (readonly [string, string | Date])[];
  /** Where a signed-in admin reads on, if anywhere. */
  link: { title: string; url: string } | null;
  /** The facts the outbox row keeps. */
  payload: Record<string, unknown>;
}

/** The alert's facts as a reader in `timeZone` reads them. */
export function alertFacts(alert: Alert, timeZone: string): [string, string][] {
  return alert.facts.map(([title, value]) => [
    title,
    value instanceof Date ? formatDateTime(value, timeZone) : value,
  ]);
}
