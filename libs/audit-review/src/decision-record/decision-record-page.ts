import { createHash } from 'node:crypto';
import { html, SafeHtml, trusted } from '@standpoint/html';
import { Channel, CHANNEL_NAMES } from '@standpoint/proposals/rules';
import {
  DecisionRecord,
  DraftChange,
  RecordedDecision,
  RecordedEvidence,
  RecordedEvidenceContent,
  RecordLine,
  TextPart,
  TextPartKind,
} from './decision-record-types';

const STYLESHEET = `
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; margin: 0 auto; max-width: 52em; padding: 1em; color: #111; }
.chrome { font: 10pt system-ui, sans-serif; color: #555; border-bottom: 1px solid #ccc; padding-bottom: .5em; }
h1 { font-size: 18pt; margin: .8em 0 .3em; }
.record { list-style: none; padding: 0; }
.line { border-left: 3px solid #999; padding: .2em 0 .2em .8em; margin: 0 0 1em; }
.line p { margin: .25em 0; }
.meta { font: 9pt system-ui, sans-serif; color: #444; }
.seq { font-weight: bold; }
.summary { font-weight: bold; }
.override { border-left: 6px double #b00; }
.override-box { border: 2px solid #b00; padding: .3em .6em; margin: .4em 0; }
.body { white-space: pre-wrap; }
code, .hash, .seq, time { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; word-break: break-all; }
.hash { font-size: 8pt; color: #444; }
ins { background: #dfd; text-decoration: underline; }
del { background: #fdd; text-decoration: line-through; }
dt { font-weight: bold; }
@media print {
  @page { margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .chrome { display: none; }
  h1 { break-after: avoid; }
  .line { break-inside: avoid; page-break-inside: avoid; }
  ins, del { background: none; }
  code, .hash, .seq, time { font-family: 'DejaVu Sans Mono', 'Courier New', monospace; }
}
`;

/**
 * The printable decision record: one self-contained HTML page, no script and no external asset.
 * Every interpolated value goes through `html`, which escapes it unless it is SafeHtml (made by
 * `html` itself, or the page's own stylesheet), so no user string can reach the page unescaped.
 */
export function renderDecisionRecordPage(record: DecisionRecord, printedAt: Date): string {
  return `<!doctype html>\n${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Decision record — ${record.title}</title>
        ${STYLE_ELEMENT}
      </head>
      <body>
        <nav class="chrome">
          Standpoint · decision record · use your browser's Print command for a paper copy
        </nav>
        <main>
          <h1>Decision record: ${record.title}</h1>
          <p class="intro">
            Proposal <code>${record.proposalId}</code>, now <strong>${record.state}</strong>.
            Printed ${printedAt.toISOString()}. Every line names the audit event behind it: its
            sequence number in the brand's audit chain, its id and its hash. To prove one line,
            <code>npx standpoint audit prove --event &lt;id&gt;</code>.
          </p>
          <ol class="record">
            ${record.lines.map(lineHtml)}
          </ol>
        </main>
      </body>
    </html>`.value
  }\n`;
}

// Outside any `html` template, so that the hashed text is exactly the text served.
const STYLE_ELEMENT = trusted(`<style>${STYLESHEET}</style>`);

/** The Content-Security-Policy of the page: nothing but its own inline stylesheet. */
export const DECISION_RECORD_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function lineHtml(line: RecordLine): SafeHtml {
  const override = line.decision?.override || line.decision?.againstTeam;
  return html`<li class="line kind-${line.kind.toLowerCase()}${override ? ' override' : ''}">
    <p class="meta">
      <span class="seq">#${line.seq}</span> <time>${line.at.toISOString()}</time>
      <span class="actor">${line.actorLabel}</span> <span class="action">${line.action}</span>
    </p>
    <p class="summary">${line.summary}</p>
    ${line.state && html`<p>State: ${line.state.from} → ${line.state.to}</p>`}
    ${line.reason && html`<p>Reason: <q>${line.reason}</q></p>`}
    ${line.revision && revisionHtml(line)} ${line.evidence && evidenceHtml(line.evidence)}
    ${
      line.riskNote &&
      html`<p>
          ${line.riskNote.severity} ${line.riskNote.category}: likelihood
          ${line.riskNote.likelihood}, impact ${line.riskNote.impact}, score ${line.riskNote.score};
          status
          ${
            line.riskNote.previousStatus && html`${line.riskNote.previousStatus} → `
          }${line.riskNote.status}
        </p>
        ${line.riskNote.description && html`<p><q>${line.riskNote.description}</q></p>`}
        ${line.riskNote.mitigation && html`<p>Mitigation: <q>${line.riskNote.mitigation}</q></p>`}`
    }
    ${line.comment && draftBody(line.comment.body)}
    ${
      line.recommendation &&
      html`<p>
        <strong>${line.recommendation.recommendation}</strong> on revision
        ${line.recommendation.revisionNumber}: <q>${line.recommendation.rationale}</q>
      </p>`
    }
    ${line.decision && decisionHtml(line.decision)}
    ${
      line.publication &&
      html`<p>
        ${line.publication.channel && html`Channel ${channelName(line.publication.channel)}. `}${
          line.publication.url && html`Post: <code>${line.publication.url}</code>. `
        }${line.publication.publishAt && html`Publish at ${line.publication.publishAt}.`}
      </p>`
    }
    <p class="hash">event <code>${line.auditEventId}</code>, hash <code>${line.hash}</code></p>
  </li>`;
}

/** Named by its id, so that a correction or withdrawal can be matched with the line that added it. */
function evidenceHtml(evidence: RecordedEvidence): SafeHtml {
  if (!evidence.before) {
    return html`<p>
      Evidence <code>${evidence.evidenceId}</code>:
      ${evidenceContentHtml(evidence)}${
        evidence.citedFromId && html`; cited from <code>${evidence.citedFromId}</code>`
      }
    </p>`;
  }
  return html`<p>
      Evidence <code>${evidence.evidenceId}</code> replaces <code>${evidence.correctsId}</code>,
      which said: <del>${evidenceContentHtml(evidence.before)}</del>
    </p>
    <p>Now: <ins>${evidenceContentHtml(evidence)}</ins></p>`;
}

function evidenceContentHtml(content: RecordedEvidenceContent): SafeHtml {
  return html`${content.kind}:
  ${content.summary}${content.sourceUrl && html` (source: <code>${content.sourceUrl}</code>)`}`;
}

/** The network as it writes its own name; the record keeps the enum value it was recorded with. */
function channelName(channel: string): string {
  return CHANNEL_NAMES[channel as Channel] ?? channel;
}

function revisionHtml(line: RecordLine): SafeHtml {
  const revision = line.revision!;
  return html`<p>Revision ${revision.number}, content hash <code>${revision.contentHash}</code></p>
    ${
      revision.changes.length > 0
        ? html`<dl class="drafts">${revision.changes.map(changeHtml)}</dl>`
        : html`<dl class="drafts">
            ${revision.drafts.map(
              (draft) =>
                html`<dt>${channelName(draft.channel)}</dt>
                  <dd>
                    ${draftBody(draft.body)}
                    ${
                      draft.mediaUrls.length > 0 &&
                      html`<p>Media: <code>${draft.mediaUrls.join(' ')}</code></p>`
                    }
                  </dd>`,
            )}
          </dl>`
    }`;
}

function changeHtml(change: DraftChange): SafeHtml {
  return html`<dt>${channelName(change.channel)} (${change.change.toLowerCase()})</dt>
    <dd>
      ${draftBody(change.parts.map(partHtml))}
      ${
        change.addedMediaUrls.length > 0 &&
        html`<p>Media added: <code>${change.addedMediaUrls.join(' ')}</code></p>`
      }${
        change.removedMediaUrls.length > 0 &&
        html`<p>Media removed: <code>${change.removedMediaUrls.join(' ')}</code></p>`
      }
    </dd>`;
}

function partHtml(part: TextPart): SafeHtml {
  if (part.kind === TextPartKind.ADDED) return html`<ins>${part.text}</ins>`;
  if (part.kind === TextPartKind.REMOVED) return html`<del>${part.text}</del>`;
  return html`${part.text}`;
}

/**
 * A draft's text, whose spaces and line breaks count (white-space: pre-wrap): its own one-line
 * template with nothing around the text, where the formatter has no layout to change.
 */
function draftBody(content: string | SafeHtml[]): SafeHtml {
  return html`<p class="body">${content}</p>`;
}

function decisionHtml(decision: RecordedDecision): SafeHtml {
  const override = decision.override;
  return html`<p>
      ${decision.outcome} by <strong>${decision.approverLabel}</strong> on step ${decision.step}
      (round ${decision.round}) through ${decision.channel}, for revision
      ${decision.revisionNumber}${decision.stale ? ' (since replaced: kept, not counted)' : ''}.
    </p>
    <p>Content hash decided on: <code>${decision.contentHash}</code></p>
    ${
      decision.seen &&
      html`<p>
        What the approver saw: revision <code>${decision.seen.revision}</code>, evidence
        <code>${decision.seen.evidence}</code>, risk notes <code>${decision.seen.riskNotes}</code>
      </p>`
    }
    ${
      decision.teamRecommendation &&
      html`<p>
        The team's recommendation then: ${decision.teamRecommendation.recommendation} (revision
        ${decision.teamRecommendation.revisionNumber})
      </p>`
    }
    ${decision.comment && !override && html`<p>Comment: <q>${decision.comment}</q></p>`}
    ${(decision.againstTeam || override) && overrideHtml(decision)}`;
}

/** What the decision went against: the team's recommendation, the risks it accepted. */
function overrideHtml(decision: RecordedDecision): SafeHtml {
  const { againstTeam, acceptedRisks, override } = decision;
  return html`<div class="override-box">
    <p>
      <strong>${override ? 'OVERRIDE' : 'AGAINST THE TEAM'}</strong>:
      ${decision.overrideWords ?? 'acknowledged a warning'}.
    </p>
    ${
      againstTeam &&
      html`<p>
        The team recommended <strong>${againstTeam.recommendation}</strong> (revision
        ${againstTeam.revisionNumber})${againstTeam.rationale && html`: <q>${againstTeam.rationale}</q>`}
      </p>`
    }
    ${
      acceptedRisks.length > 0 &&
      html`<p>Open risks accepted:</p>
        <ul>
          ${acceptedRisks.map(
            (risk) =>
              html`<li>
                ${risk.severity} ${risk.category} (likelihood ${risk.likelihood}, impact
                ${risk.impact}, score
                ${risk.score})${risk.description && html`: <q>${risk.description}</q>`}
              </li>`,
          )}
        </ul>`
    }
    ${
      override &&
      html`<p>Acknowledged:</p>
        <ul>
          ${override.acknowledgedReasons.map((reason) => html`<li>${reason}</li>`)}
        </ul>
        <p>Acknowledgement: <q>${override.acknowledgement}</q></p>`
    }
  </div>`;
}
