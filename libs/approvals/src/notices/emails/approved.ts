import { EmailRecipient, RenderedEmail } from '@standpoint/notifications';
import { decisionNoticeEmail } from './decision-notice';
import { EmailDecision } from './email-facts';

export interface ApprovedFacts extends EmailDecision {
  /** Every step is done: the proposal may be scheduled. */
  proposalApproved: boolean;
  /** The step that is now asked, when the review goes on. */
  nextStep: string | null;
}

/** An approval, told to the author and the social team: the proposal is approved, or moves on. */
export function approvedEmail(facts: ApprovedFacts, to: EmailRecipient): RenderedEmail {
  const title = facts.proposal.title;
  const next = facts.proposalApproved
    ? 'Every step is approved: the proposal can be scheduled for publication.'
    : facts.nextStep
      ? `The review moves on to the step "${facts.nextStep}"; its approvers have been asked.`
      : 'The step needs more approvals before the review moves on.';
  return decisionNoticeEmail(
    facts,
    {
      subject: facts.proposalApproved ? `Approved: ${title}` : `Approval recorded: ${title}`,
      title: facts.proposalApproved
        ? `Approved: ${title}`
        : `${facts.approverName} approved: ${title}`,
      intro: `${facts.approverName} approved "${title}" on the step "${facts.step}".`,
      next,
    },
    to,
  );
}
