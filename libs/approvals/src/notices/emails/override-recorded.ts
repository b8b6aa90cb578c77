import { html } from '@standpoint/html';
import {
  bulletList,
  EmailRecipient,
  factRows,
  humanize,
  noticeEmail,
  paragraph,
  quote,
  RenderedEmail,
  section,
  textBullets,
  textFacts,
  textQuote,
  textSection,
} from '@standpoint/notifications';
import { EmailDecision, EmailRecommendation } from './email-facts';

export interface OverrideRecordedFacts extends EmailDecision {
  /** What the decision went against, worded by the approval rules. */
  overrideWords: string;
  /** It went against the team's recommendation; false: it only accepted open risks. */
  againstTeam: boolean;
  /** What the approver acknowledged to approve (the recommendation, each accepted risk). */
  acknowledgedReasons: readonly string[];
  recommendation: EmailRecommendation | null;
}

/**
 * A decision went against what the social team said: their recommendation (approving against
 * HOLD or DO_NOT_POST, rejecting against PROCEED), or the open risks they noted (an approval that
 * accepted them). They hear by whom, what exactly, and why.
 */
export function overrideRecordedEmail(
  facts: OverrideRecordedFacts,
  to: EmailRecipient,
): RenderedEmail {
  const title = facts.proposal.title;
  const r = facts.recommendation;
  const rows: [string, string][] = [
    ['Proposal', title],
    ['Step', facts.step],
    ['Decided by', facts.approverName],
    ...(r
      ? [
          [
            'Your recommendation',
            `${humanize(r.recommendation)} (by ${r.byName}, revision ${r.revisionNumber})`,
          ] as [string, string],
        ]
      : []),
  ];
  const acknowledged = facts.acknowledgedReasons;
  const reasonTitle = `${facts.approverName} acknowledged`;
  const why = facts.comment ?? 'No reason given beyond the acknowledgement.';
  const onRecord = acknowledged.length > 0 ? ', and acknowledged it on the record' : '';
  return noticeEmail(
    {
      brandName: facts.proposal.brandName,
      subject: `Override recorded: ${title}`,
      title: facts.againstTeam
        ? `Your recommendation was overruled: ${title}`
        : `Open risks accepted: ${title}`,
      intro: `${facts.approverName} ${facts.overrideWords}${onRecord}.`,
      html: [
        factRows(rows),
        acknowledged.length > 0 ? section(reasonTitle, bulletList(acknowledged)) : html``,
        section('Their reason', quote(why)),
        r ? section("The team's rationale", quote(r.rationale)) : html``,
        paragraph('The decision is recorded in the audit trail with what the approver saw.'),
      ],
      text: [
        textFacts(rows),
        acknowledged.length > 0 ? textSection(reasonTitle, textBullets(acknowledged)) : '',
        textSection('Their reason', textQuote(why)),
        r ? textSection("The team's rationale", textQuote(r.rationale)) : '',
        'The decision is recorded in the audit trail with what the approver saw.',
      ],
    },
    to,
  );
}
