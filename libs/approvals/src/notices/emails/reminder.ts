import { EmailRecipient, formatDateTime, RenderedEmail } from '@standpoint/notifications';
import { decisionRequestEmail } from './decision-request';
import { EmailDossier, EmailStep } from './email-facts';

export interface ReminderFacts {
  dossier: EmailDossier;
  step: EmailStep;
  /** REMIND_HALF at half the step's time, REMIND_LATE at 90%. */
  kind: string;
}

/** The step's time is running out and this approver has not decided yet. */
export function reminderEmail(facts: ReminderFacts, to: EmailRecipient): RenderedEmail {
  const p = facts.dossier.proposal;
  const due = facts.step.dueAt ? formatDateTime(facts.step.dueAt, to.timeZone) : 'soon';
  const late = facts.kind === 'REMIND_LATE';
  return decisionRequestEmail(
    {
      ...facts,
      subject: `${late ? 'Last reminder' : 'Reminder'}: your decision on ${p.title}`,
      title: `${late ? 'Almost out of time' : 'Half the time has passed'}: ${p.title}`,
      intro: `You have not decided on the step "${facts.step.name}" yet. The decision is due ${due}.`,
    },
    to,
  );
}
