import { EmailRecipient, RenderedEmail } from '@standpoint/notifications';
import { decisionNoticeEmail } from './decision-notice';
import { EmailDecision } from './email-facts';

/** An approver asked for changes: the author and the social team hear why. */
export function changesRequestedEmail(facts: EmailDecision, to: EmailRecipient): RenderedEmail {
  const title = facts.proposal.title;
  return decisionNoticeEmail(
    facts,
    {
      subject: `Changes requested: ${title}`,
      title: `Changes requested: ${title}`,
      intro: `${facts.approverName} asked for changes to "${title}" on the step "${facts.step}".`,
      next: 'Revise the proposal and submit it again; the review then starts from its first step.',
    },
    to,
  );
}
