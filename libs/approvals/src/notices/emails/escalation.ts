import { EmailRecipient, RenderedEmail } from '@standpoint/notifications';
import { decisionRequestEmail } from './decision-request';
import { EmailDossier, EmailStep } from './email-facts';

export interface EscalationFacts {
  dossier: EmailDossier;
  step: EmailStep;
  deputyIds: readonly string[];
  deputyNames: readonly string[];
  originalApproverNames: readonly string[];
}

/**
 * Nobody decided the step in time: its deputies are asked now, and the original approvers hear
 * that it was escalated (they may still decide).
 */
export function escalationEmail(facts: EscalationFacts, to: EmailRecipient): RenderedEmail {
  const p = facts.dossier.proposal;
  const deputy = facts.deputyIds.includes(to.userId);
  const originals = facts.originalApproverNames.join(', ') || 'the approvers';
  const deputies = facts.deputyNames.join(', ') || 'the deputies';
  return decisionRequestEmail(
    {
      ...facts,
      subject: `Escalated to ${deputy ? 'you' : 'deputies'}: ${p.title}`,
      title: deputy
        ? `Escalated to you as deputy: ${p.title}`
        : `Escalated to deputies: ${p.title}`,
      intro: deputy
        ? `Nobody decided the step "${facts.step.name}" in time, so it was escalated to you as a deputy of ${originals}.`
        : `Nobody decided the step "${facts.step.name}" in time, so it was escalated to ${deputies}. You may still decide.`,
    },
    to,
  );
}
