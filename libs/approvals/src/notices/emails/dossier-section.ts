import { html, SafeHtml } from '@standpoint/html';
import {
  bulletList,
  button,
  factRows,
  formatDateTime,
  humanize,
  paragraph,
  quote,
  section,
  textBullets,
  textFacts,
  textQuote,
  textSection,
} from '@standpoint/notifications';
import { EmailDossier, EmailRisk, EmailRiskCell, EmailStep } from './email-facts';

// The dossier an approver decides on, in both parts: what is proposed and why now, the drafts, the
// team's recommendation, the risk matrix, the evidence in brief, the deadline and the decision link.

const WHY_NOW: Record<string, string> = {
  CRISIS: 'A crisis: the team needs an answer within hours, while it still matters.',
  ELEVATED: 'Elevated urgency: the issue is live now and the moment may pass.',
  ROUTINE: 'Routine: planned ahead, with time to consider it.',
};

const SEVERITY_COLOUR: Record<string, string> = {
  LOW: '#d1fae5',
  MEDIUM: '#fef3c7',
  HIGH: '#fed7aa',
  CRITICAL: '#fecaca',
};

const LEVELS = [1, 2, 3, 4, 5];

/** Only web addresses become links: a `javascript:` source stays text. */
function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function proposedRows(d: EmailDossier): [string, string][] {
  const p = d.proposal;
  return [
    ['Proposal', p.title],
    ['Stance', humanize(p.stanceType)],
    ['Issue', p.issue],
    ['Urgency', humanize(p.urgency)],
    ['Proposed by', p.authorName],
    ['Revision', String(p.revisionNumber)],
  ];
}

function whyNow(d: EmailDossier): string {
  return WHY_NOW[d.proposal.urgency] ?? humanize(d.proposal.urgency);
}

/** Who reads the dossier: the decision link is theirs, and times are on their clock. */
export interface DossierReader {
  decisionUrl: string;
  timeZone: string;
}

function deadlineRows(d: EmailDossier, step: EmailStep, timeZone: string): [string, string][] {
  return [
    ['Step', step.name],
    [
      'Approvals needed',
      step.requiredApprovals === 1 ? 'one approval' : `${step.requiredApprovals} approvals`,
    ],
    [
      'Decide by',
      step.dueAt ? formatDateTime(step.dueAt, timeZone) : 'no deadline set for this step',
    ],
    ...(d.proposal.decisionDeadline
      ? [
          ['No decision, no post after', formatDateTime(d.proposal.decisionDeadline, timeZone)] as [
            string,
            string,
          ],
        ]
      : []),
  ];
}

function riskLine(risk: EmailRisk): string {
  return `${humanize(risk.category)}: likelihood ${risk.likelihood} × impact ${risk.impact} = ${risk.score} (${risk.severity}, ${humanize(risk.status)})`;
}

function recommendationLine(d: EmailDossier): string {
  const r = d.recommendation;
  if (!r) return 'The team has made no recommendation.';
  const when = r.current
    ? `on this revision`
    : `on revision ${r.revisionNumber}, before these words`;
  return `${humanize(r.recommendation)}, by ${r.byName} ${when}.`;
}

function riskMatrixHtml(matrix: readonly EmailRiskCell[][]): SafeHtml {
  const cell = 'width:44px;height:32px;text-align:center;font-size:13px;border:1px solid #ffffff;';
  return html`<table
    role="presentation"
    cellpadding="0"
    cellspacing="0"
    border="0"
    style="margin:0 0 12px;border-collapse:collapse;"
  >
    <tr>
      <td style="padding:0 8px 4px 0;font-size:12px;color:#6b7280;">Likelihood ↓ / Impact →</td>
      ${LEVELS.map((impact) => html`<td style="${cell}color:#6b7280;">${impact}</td>`)}
    </tr>
    ${[...LEVELS].reverse().map(
      (likelihood) =>
        html`<tr>
          <td style="padding:0 8px 0 0;font-size:12px;color:#6b7280;text-align:right;">
            ${likelihood}
          </td>
          ${LEVELS.map((impact) => {
            const { count, severity } = matrix[likelihood - 1][impact - 1];
            return html`<td
              style="${cell}background:${SEVERITY_COLOUR[severity] ?? '#f3f4f6'};font-weight:${count ? 'bold' : 'normal'};"
            >
              ${count || ''}
            </td>`;
          })}
        </tr> `,
    )}
  </table>`;
}

function riskMatrixText(matrix: readonly EmailRiskCell[][]): string {
  const pad = (s: string) => s.padStart(4);
  const lines = [`Likelihood \\ Impact ${LEVELS.map((i) => pad(String(i))).join('')}`];
  for (const likelihood of [...LEVELS].reverse()) {
    const cells = LEVELS.map((impact) => {
      const count = matrix[likelihood - 1][impact - 1].count;
      return pad(count ? String(count) : '.');
    });
    lines.push(`${String(likelihood).padStart(19)} ${cells.join('')}`);
  }
  return lines.join('\n');
}

/** The dossier and the one decision link, as HTML. */
export function dossierHtml(d: EmailDossier, step: EmailStep, to: DossierReader): SafeHtml {
  const r = d.recommendation;
  return html`${section('What is proposed', factRows(proposedRows(d)))}
  ${section('Why now', paragraph(whyNow(d)))}
  ${section(
    'The words',
    html`${d.drafts.length === 0 ? paragraph('No public words: the stance is to say nothing.') : ''}${d.drafts.map(
      (draft) =>
        html`${quote(draft.body, draft.channel)}${
          draft.mediaUrls.length > 0 ? paragraph(`Media: ${draft.mediaUrls.join(', ')}`) : ''
        }`,
    )}`,
  )}
  ${section(
    "The team's recommendation",
    html`${paragraph(html`<strong>${recommendationLine(d)}</strong>`)}${r ? quote(r.rationale) : ''}`,
  )}
  ${section(
    `Risks (highest open score ${d.riskScore})`,
    html`${riskMatrixHtml(d.riskMatrix)}${
      d.risks.length === 0
        ? paragraph('No risk notes.')
        : bulletList(
            d.risks.map(
              (risk) =>
                html`<strong>${riskLine(risk)}</strong><br />${risk.description}${
                    risk.mitigation ? html`<br /><em>Mitigation:</em> ${risk.mitigation}` : ''
                  }`,
            ),
          )
    }`,
  )}
  ${section(
    'Evidence in brief',
    d.evidence.length === 0
      ? paragraph('No evidence.')
      : bulletList(
          d.evidence.map(
            (e) =>
              html`<strong>${humanize(e.kind)}:</strong> ${e.summary}${
                  e.sourceUrl && isWebAddress(e.sourceUrl)
                    ? html` (<a href="${e.sourceUrl}" style="color:#1d4ed8;">source</a>)`
                    : e.sourceUrl && ` (source: ${e.sourceUrl})`
                }`,
          ),
        ),
  )}
  ${section('Your decision', factRows(deadlineRows(d, step, to.timeZone)))}
  ${button(to.decisionUrl, 'Review and decide')}
  ${paragraph(
    'The link opens a page with this dossier and the decision form; opening it decides nothing. It works once, for you only, and only for these words.',
  )}`;
}

/** The dossier and the one decision link, as text sections. */
export function dossierText(d: EmailDossier, step: EmailStep, to: DossierReader): string[] {
  const r = d.recommendation;
  return [
    textSection('What is proposed', textFacts(proposedRows(d))),
    textSection('Why now', whyNow(d)),
    textSection(
      'The words',
      d.drafts.length === 0
        ? 'No public words: the stance is to say nothing.'
        : d.drafts
            .map(
              (draft) =>
                `${draft.channel}:\n${textQuote(draft.body)}${
                  draft.mediaUrls.length > 0 ? `\nMedia: ${draft.mediaUrls.join(', ')}` : ''
                }`,
            )
            .join('\n\n'),
    ),
    textSection(
      "The team's recommendation",
      `${recommendationLine(d)}${r ? `\n${textQuote(r.rationale)}` : ''}`,
    ),
    textSection(
      `Risks (highest open score ${d.riskScore})`,
      `${riskMatrixText(d.riskMatrix)}\n\n${
        d.risks.length === 0
          ? 'No risk notes.'
          : textBullets(
              d.risks.map(
                (risk) =>
                  `${riskLine(risk)}\n${risk.description}${risk.mitigation ? `\nMitigation: ${risk.mitigation}` : ''}`,
              ),
            )
      }`,
    ),
    textSection(
      'Evidence in brief',
      d.evidence.length === 0
        ? 'No evidence.'
        : textBullets(
            d.evidence.map(
              (e) =>
                `${humanize(e.kind)}: ${e.summary}${e.sourceUrl ? ` (source: ${e.sourceUrl})` : ''}`,
            ),
          ),
    ),
    textSection('Your decision', textFacts(deadlineRows(d, step, to.timeZone))),
    `Review and decide: ${to.decisionUrl}\nThe link opens a page with this dossier and the decision form; opening it decides nothing. It works once, for you only, and only for these words.`,
  ];
}
