import { html } from '@standpoint/html';
import {
  EmailRecipient,
  factRows,
  noticeEmail,
  paragraph,
  quote,
  RenderedEmail,
  section,
  textFacts,
  textQuote,
  textSection,
} from '@standpoint/notifications';
import { EmailDecision } from './email-facts';

/** What a decision notice says besides the decision itself. */
export interface DecisionNoticeWords {
  subject: string;
  title: string;
  intro: string;
  /** What happens now. */
  next: string;
}

/** A decision told to the author and the social team, with the approver's comment. */
export function decisionNoticeEmail(
  decision: EmailDecision,
  words: DecisionNoticeWords,
  to: EmailRecipient,
): RenderedEmail {
  const rows: [string, string][] = [
    ['Proposal', decision.proposal.title],
    ['Step', decision.step],
    ['Decided by', decision.approverName],
    ['Revision', String(decision.proposal.revisionNumber)],
  ];
  const comment = decision.comment;
  const overruled = decision.overrideWords
    ? `${decision.approverName} ${decision.overrideWords}.`
    : null;
  return noticeEmail(
    {
      brandName: decision.proposal.brandName,
      subject: words.subject,
      title: words.title,
      intro: words.intro,
      html: [
        factRows(rows),
        overruled ? paragraph(overruled) : html``,
        comment ? section(`${decision.approverName} wrote`, quote(comment)) : html``,
        paragraph(words.next),
      ],
      text: [
        textFacts(rows),
        overruled ?? '',
        comment ? textSection(`${decision.approverName} wrote`, textQuote(comment)) : '',
        words.next,
      ],
    },
    to,
  );
}
