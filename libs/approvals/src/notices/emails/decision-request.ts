import { html } from '@standpoint/html';
import {
  EmailRecipient,
  layout,
  paragraph,
  RenderedEmail,
  subjectLine,
  textLayout,
} from '@standpoint/notifications';
import { dossierHtml, dossierText } from './dossier-section';
import { EmailDossier, EmailStep } from './email-facts';

/** What the emails that ask for a decision (request, reminder, escalation) say before the dossier. */
export interface DecisionRequest {
  subject: string;
  title: string;
  intro: string;
  dossier: EmailDossier;
  step: EmailStep;
}

/** An email that asks one approver to decide: the dossier and exactly one decision link per part. */
export function decisionRequestEmail(request: DecisionRequest, to: EmailRecipient): RenderedEmail {
  const { decisionUrl, timeZone } = to;
  if (!decisionUrl) throw new Error(`an email asking ${to.userId} to decide needs a decision link`);
  const { dossier, step } = request;
  const brandName = dossier.proposal.brandName;
  const greeting = `Hello ${to.name},`;
  return {
    subject: subjectLine(request.subject),
    html: layout({
      brandName,
      title: request.title,
      preheader: request.intro,
      body: html`${paragraph(greeting)}${paragraph(request.intro)}${dossierHtml(dossier, step, { decisionUrl, timeZone })}`,
    }),
    text: textLayout(brandName, request.title, [
      greeting,
      request.intro,
      ...dossierText(dossier, step, { decisionUrl, timeZone }),
    ]),
  };
}
