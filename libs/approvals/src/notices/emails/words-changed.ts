import {
  EmailRecipient,
  noticeEmail,
  paragraph,
  RenderedEmail,
  section,
  textSection,
} from '@standpoint/notifications';
import { EmailDraft, EmailProposal } from './email-facts';
import { diffDrafts, diffHtml, diffText } from './drafts-diff';

export interface WordsChangedFacts {
  proposal: EmailProposal;
  revisedByName: string;
  from: { revisionNumber: number; drafts: readonly EmailDraft[] };
  to: { revisionNumber: number; drafts: readonly EmailDraft[] };
}

const AFTERWARDS =
  'Every approval so far was for the old words, so the review starts again from its first step. When it is your turn you get a new request for the new words; a link from an earlier email no longer acts.';

/** A revision during review, to the approvers already asked: what changed, channel by channel. */
export function wordsChangedEmail(facts: WordsChangedFacts, to: EmailRecipient): RenderedEmail {
  const p = facts.proposal;
  const diffs = diffDrafts(facts.from.drafts, facts.to.drafts);
  const heading = `Revision ${facts.from.revisionNumber} → ${facts.to.revisionNumber}`;
  return noticeEmail(
    {
      brandName: p.brandName,
      subject: `Words changed: ${p.title}`,
      title: `The words changed: ${p.title}`,
      intro: `${facts.revisedByName} revised "${p.title}" while it was in review (revision ${facts.to.revisionNumber}).`,
      html: [
        section(
          heading,
          paragraph(
            'Removed words are struck through in red; added words are underlined in green.',
          ),
        ),
        ...diffs.map(diffHtml),
        paragraph(AFTERWARDS),
      ],
      text: [
        textSection(
          heading,
          `Removed words are shown [-like this-], added words {+like this+}.\n\n${diffs.map(diffText).join('\n\n')}`,
        ),
        AFTERWARDS,
      ],
    },
    to,
  );
}
