import { html } from '@standpoint/html';
import {
  bulletList,
  EmailRecipient,
  factRows,
  formatDateTime,
  noticeEmail,
  paragraph,
  RenderedEmail,
  section,
  textBullets,
  textFacts,
  textSection,
} from '@standpoint/notifications';

export interface FreezeStartedFacts {
  brandName: string;
  reason: string;
  startedByName: string;
  endsAt: Date | null;
  /** The titles of the proposals whose schedule the freeze took away. */
  unscheduledTitles: readonly string[];
}

const RULE =
  'While the freeze holds, nothing is scheduled or published except by the people it allows. Unscheduled proposals stay approved; an approver schedules them again after the freeze.';

/** Crisis mode: every member hears that publishing stopped, why, and what was unscheduled. */
export function freezeStartedEmail(facts: FreezeStartedFacts, to: EmailRecipient): RenderedEmail {
  const rows: [string, string][] = [
    ['Reason', facts.reason],
    ['Started by', facts.startedByName],
    ['Ends', facts.endsAt ? formatDateTime(facts.endsAt, to.timeZone) : 'when someone ends it'],
  ];
  const unscheduled = `Unscheduled (${facts.unscheduledTitles.length})`;
  return noticeEmail(
    {
      brandName: facts.brandName,
      subject: `Content freeze started: ${facts.reason}`,
      title: 'Content freeze: publishing stopped',
      intro: `${facts.startedByName} started a content freeze for ${facts.brandName}.`,
      html: [
        factRows(rows),
        facts.unscheduledTitles.length > 0
          ? section(unscheduled, bulletList(facts.unscheduledTitles))
          : html``,
        paragraph(RULE),
      ],
      text: [
        textFacts(rows),
        facts.unscheduledTitles.length > 0
          ? textSection(unscheduled, textBullets(facts.unscheduledTitles))
          : '',
        RULE,
      ],
    },
    to,
  );
}
