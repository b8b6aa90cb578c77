import { html } from '@standpoint/html';
import {
  button,
  factRows,
  noticeEmail,
  RenderedEmail,
  EmailRecipient,
  textFacts,
} from '../email/kit';
import { Alert, alertFacts } from './alert';

/** An alert as an email to one admin, in the house layout. */
export function alertEmail(alert: Alert, to: EmailRecipient): RenderedEmail {
  const facts = alertFacts(alert, to.timeZone);
  return noticeEmail(
    {
      brandName: alert.brandName,
      subject: `Alert: ${alert.headline}`,
      title: alert.headline,
      intro: alert.summary,
      html: [
        factRows(facts),
        ...(alert.link ? [html`${button(alert.link.url, alert.link.title)}`] : []),
      ],
      text: [textFacts(facts), ...(alert.link ? [`${alert.link.title}: ${alert.link.url}`] : [])],
    },
    to,
  );
}
