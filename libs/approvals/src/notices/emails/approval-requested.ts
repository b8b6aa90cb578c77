import { EmailRecipient, RenderedEmail } from '@standpoint/notifications';
import { decisionRequestEmail } from './decision-request';
import { EmailDossier, EmailStep } from './email-facts';

export interface ApprovalRequestedFacts {
  dossier: EmailDossier;
  step: EmailStep;
}

/** A step became active: each eligible approver is asked to decide. */
export function approvalRequestedEmail(
  facts: ApprovalRequestedFacts,
  to: EmailRecipient,
): RenderedEmail {
  const p = facts.dossier.proposal;
  return decisionRequestEmail(
    {
      ...facts,
      subject: `Approval requested: ${p.title}`,
      title: `Your decision is needed: ${p.title}`,
      intro: `${p.authorName} proposes this ${p.stanceType.toLowerCase().replace(/_/g, ' ')} on ${p.issue}. You are an approver of the step "${facts.step.name}".`,
    },
    to,
  );
}
