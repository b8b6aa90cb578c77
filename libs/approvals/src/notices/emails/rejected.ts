import { EmailRecipient, RenderedEmail } from '@standpoint/notifications';
import { decisionNoticeEmail } from './decision-notice';
import { EmailDecision } from './email-facts';

/** An approver rejected the proposal: the author and the social team hear why. */
export function rejectedEmail(facts: EmailDecision, to: EmailRecipient): RenderedEmail {
  const title = facts.proposal.title;
  return decisionNoticeEmail(
    facts,
    {
      subject: `Rejected: ${title}`,
      title: `Rejected: ${title}`,
      intro: `${facts.approverName} rejected "${title}" on the step "${facts.step}".`,
      next: 'The proposal will not be published. A new stance needs a new proposal.',
    },
    to,
  );
}
