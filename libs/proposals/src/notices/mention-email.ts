import {
  EmailRecipient,
  noticeEmail,
  quote,
  RenderedEmail,
  section,
  textQuote,
  textSection,
} from '@standpoint/notifications';

export interface MentionFacts {
  brandName: string;
  proposalTitle: string;
  commentAuthorName: string;
  body: string;
}

/** A comment on a proposal @mentions this member. */
export function mentionEmail(facts: MentionFacts, to: EmailRecipient): RenderedEmail {
  const heading = `${facts.commentAuthorName} wrote`;
  return noticeEmail(
    {
      brandName: facts.brandName,
      subject: `${facts.commentAuthorName} mentioned you: ${facts.proposalTitle}`,
      title: `You were mentioned on "${facts.proposalTitle}"`,
      intro: `${facts.commentAuthorName} mentioned you in a comment on the proposal "${facts.proposalTitle}".`,
      html: [section(heading, quote(facts.body))],
      text: [textSection(heading, textQuote(facts.body))],
    },
    to,
  );
}
