import {
  bulletList,
  EmailRecipient,
  factRows,
  noticeEmail,
  paragraph,
  RenderedEmail,
  textFacts,
} from '@standpoint/notifications';
import { EmailProposal } from './email-facts';

export interface StepUnsatisfiableFacts {
  proposal: EmailProposal;
  step: string;
  /** The member who was taken off the step, and why, in words ("was removed from the brand"). */
  leftName: string;
  why: string;
  approvals: number;
  required: number;
  /** Who may still decide on the step. */
  remainingNames: readonly string[];
}

const NEXT =
  'Until someone acts, the step waits for its deadline. Add a member who holds a role the step accepts, change the approval policy for later proposals, or withdraw the proposal.';

/**
 * A step can no longer gather the approvals it needs because a member left it: the brand's admins
 * hear of it at once, instead of the step waiting silently for its deadline.
 */
export function stepUnsatisfiableEmail(
  facts: StepUnsatisfiableFacts,
  to: EmailRecipient,
): RenderedEmail {
  const title = facts.proposal.title;
  const rows: [string, string][] = [
    ['Proposal', title],
    ['Step', facts.step],
    ['Approvals', `${facts.approvals} of ${facts.required} needed`],
  ];
  const remaining =
    facts.remainingNames.length > 0
      ? `Still asked: ${facts.remainingNames.join(', ')}.`
      : 'Nobody is left who may decide on it.';
  const intro = `${facts.leftName} ${facts.why}, so the step "${facts.step}" of "${title}" can no longer gather the approvals it needs.`;
  return noticeEmail(
    {
      brandName: facts.proposal.brandName,
      subject: `Stuck: ${title}`,
      title: `A step can no longer be approved: ${title}`,
      intro,
      html: [factRows(rows), paragraph(remaining), bulletList([NEXT])],
      text: [textFacts(rows), remaining, NEXT],
    },
    to,
  );
}
