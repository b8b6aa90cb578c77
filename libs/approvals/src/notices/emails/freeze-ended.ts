import {
  EmailRecipient,
  factRows,
  formatDateTime,
  noticeEmail,
  paragraph,
  RenderedEmail,
  textFacts,
} from '@standpoint/notifications';

export interface FreezeEndedFacts {
  brandName: string;
  reason: string;
  startedAt: Date;
  endedAt: Date;
  /** Null when it ended by itself at its planned end. */
  endedByName: string | null;
}

const AFTER =
  'Publishing is open again. Proposals the freeze unscheduled are approved and wait for an approver to schedule them.';

export function freezeEndedEmail(facts: FreezeEndedFacts, to: EmailRecipient): RenderedEmail {
  const rows: [string, string][] = [
    ['Reason it started', facts.reason],
    ['Started', formatDateTime(facts.startedAt, to.timeZone)],
    ['Ended', formatDateTime(facts.endedAt, to.timeZone)],
    ['Ended by', facts.endedByName ?? 'itself, at its planned end'],
  ];
  return noticeEmail(
    {
      brandName: facts.brandName,
      subject: `Content freeze ended: ${facts.reason}`,
      title: 'Content freeze ended',
      intro: `The content freeze of ${facts.brandName} has ended.`,
      html: [factRows(rows), paragraph(AFTER)],
      text: [textFacts(rows), AFTER],
    },
    to,
  );
}
