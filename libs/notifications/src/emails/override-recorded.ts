import { html } from '@standpoint/html';
import { bulletList, facts as factRows, paragraph, quote, section } from './components';
import { EmailDecision, EmailRecipient, EmailRecommendation, RenderedEmail } from './email-facts';
import { humanize } from './format';
import { noticeEmail } from './notice';
import { textBullets, textFacts, textQuote, textSection } from './text';

export interface OverrideRecordedFacts extends EmailDecision {
  /** The warnings the approver acknowledged (the recommendation, open high risks). */
  acknowledgedReasons: readonly string[];
  recommendation: EmailRecommendation | null;
}

/** The social team's warning or recommendation was overruled: they hear by whom and why. */
export function overrideRecordedEmail(
  facts: OverrideRecordedFacts,
  to: EmailRecipient,
): RenderedEmail {
  const title = facts.proposal.title;
  const r = facts.recommendation;
  const rows: [string, string][] = [
    ['Proposal', title],
    ['Step', facts.step],
    ['Approved by', facts.approverName],
    ...(r
      ? [
          [
            'Your recommendation',
            `${humanize(r.recommendation)} (by ${r.byName}, revision ${r.revisionNumber})`,
          ] as [string, string],
        ]
      : []),
  ];
  const reasonTitle = `${facts.approverName} acknowledged`;
  const why = facts.comment ?? 'No reason given beyond the acknowledgement.';
  return noticeEmail(
    {
      brandName: facts.proposal.brandName,
      subject: `Override recorded: ${title}`,
      title: `Your warning was overruled: ${title}`,
      intro: `${facts.approverName} approved "${title}" against the social team's warning, and acknowledged it.`,
      html: [
        factRows(rows),
        section(reasonTitle, bulletList(facts.acknowledgedReasons)),
        section('Their reason', quote(why)),
        r ? section("The team's rationale", quote(r.rationale)) : html``,
        paragraph('The override is recorded in the audit trail with what the approver saw.'),
      ],
      text: [
        textFacts(rows),
        textSection(reasonTitle, textBullets(facts.acknowledgedReasons)),
        textSection('Their reason', textQuote(why)),
        r ? textSection("The team's rationale", textQuote(r.rationale)) : '',
        'The override is recorded in the audit trail with what the approver saw.',
      ],
    },
    to,
  );
}
