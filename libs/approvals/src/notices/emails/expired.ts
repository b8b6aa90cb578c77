import {
  EmailRecipient,
  factRows,
  formatDateTime,
  noticeEmail,
  paragraph,
  RenderedEmail,
  textFacts,
} from '@standpoint/notifications';
import { EmailProposal } from './email-facts';

export interface ExpiredFacts {
  proposal: EmailProposal;
  step: string;
  dueAt: Date | null;
}

const NEXT =
  'No decision, no post: the proposal will not be published. To take the stance after all, revise it and submit it again.';

/** Nobody decided in time: the author and the social team hear that the proposal expired. */
export function expiredEmail(facts: ExpiredFacts, to: EmailRecipient): RenderedEmail {
  const title = facts.proposal.title;
  const rows: [string, string][] = [
    ['Proposal', title],
    ['Step', facts.step],
    [
      'Was due',
      facts.dueAt ? formatDateTime(facts.dueAt, to.timeZone) : 'at the decision deadline',
    ],
  ];
  return noticeEmail(
    {
      brandName: facts.proposal.brandName,
      subject: `Expired: ${title}`,
      title: `Expired without a decision: ${title}`,
      intro: `Nobody decided the step "${facts.step}" of "${title}" in time.`,
      html: [factRows(rows), paragraph(NEXT)],
      text: [textFacts(rows), NEXT],
    },
    to,
  );
}
