import { DecisionOutcome } from '@standpoint/approvals/rules';
import { CHANNEL_NAMES, riskScore, severityOf } from '@standpoint/proposals/rules';
import { html, SafeHtml } from '@standpoint/html';
import { DecisionDossier } from '../decision-dossier';
import { layout } from './layout';
import { PASSKEY_SCRIPT_ELEMENT } from './passkey-script';
import { riskHeatMap } from './risk-heat-map';

/** What the approver entered, shown again with the problems when a decision was refused. */
export interface DecisionFormState {
  outcome?: string;
  comment?: string;
  acknowledgeRisks?: boolean;
  /** A problem per field (`outcome`, `comment`, `acknowledgeRisks`) and one for the whole form. */
  errors?: Partial<Record<'outcome' | 'comment' | 'acknowledgeRisks' | 'form', string>>;
}

const OUTCOMES: readonly { value: DecisionOutcome; label: string; hint: string }[] = [
  { value: DecisionOutcome.APPROVE, label: 'Approve', hint: 'These words may be published.' },
  {
    value: DecisionOutcome.REQUEST_CHANGES,
    label: 'Request changes',
    hint: 'The team revises and submits again. Say what should change.',
  },
  { value: DecisionOutcome.REJECT, label: 'Reject', hint: 'No post. Say why.' },
];

/** 'PROCEED_WITH_CHANGES' → 'Proceed with changes'. */
export function readable(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'full',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export function when(date: Date): string {
  return `${DATE.format(date)} UTC`;
}

/** The decision page: the dossier, then the form (with the problems of a refused attempt). */
export function decisionPage(
  dossier: DecisionDossier,
  antiForgeryField: string,
  state: DecisionFormState = {},
): string {
  const errors = state.errors ?? {};
  return layout(
    `Decide: ${dossier.proposal.title}`,
    html`${errorSummary(errors)}${dossierSections(dossier)}${decisionForm(
      dossier,
      antiForgeryField,
      state,
    )}`,
  );
}

function errorSummary(errors: DecisionFormState['errors'] & object): SafeHtml | null {
  const problems = Object.entries(errors).filter(([, message]) => message);
  if (problems.length === 0) return null;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">Your decision was not recorded</h2>
    <ul>
      ${problems.map(([, message]) => html`<li>${message}</li>`)}
    </ul>
    <p>The link still works: correct the form below and submit again.</p>
  </div>`;
}

function dossierSections(d: DecisionDossier): SafeHtml {
  const p = d.proposal;
  const deadline = d.step.dueAt ?? p.decisionDeadline;
  return html`<p class="meta">${d.brandName} · approval requested from ${d.approverName}</p>
    <h1>${p.title}</h1>
    <section aria-labelledby="proposed">
      <h2 id="proposed">What is proposed and why now</h2>
      <p><strong>${readable(p.stanceType)}</strong> on <strong>${p.issue}</strong>.</p>
      <p>
        Urgency: <strong>${readable(p.urgency)}</strong>. Step awaiting your decision:
        <strong>${d.step.name}</strong>.
      </p>
      <p>
        Decide by <strong>${deadline ? when(deadline) : 'no deadline set'}</strong>. This link works
        until ${when(d.linkExpiresAt)}.
      </p>
    </section>
    <section aria-labelledby="drafts">
      <h2 id="drafts">The drafts (revision ${d.revision.number})</h2>
      ${d.revision.drafts.map(
        (draft) =>
          html`<h3>${CHANNEL_NAMES[draft.channel]}</h3>
            <blockquote class="draft">${draft.body}</blockquote>
            ${draft.mediaUrls.length > 0 ? html`<p>Media: ${draft.mediaUrls.join(', ')}</p>` : null}`,
      )}
    </section>
    <section aria-labelledby="recommendation">
      <h2 id="recommendation">The team's recommendation</h2>
      ${
        d.recommendation
          ? html`<p>
                <strong>${readable(d.recommendation.recommendation)}</strong>${
                  d.recommendation.current ? null : ' (made on an earlier revision)'
                }
              </p>
              <p>${d.recommendation.rationale}</p>`
          : html`<p>The team has made no recommendation.</p>`
      }
    </section>
    <section aria-labelledby="risks">
      <h2 id="risks">Risks</h2>
      ${riskHeatMap(d.riskNotes)} ${riskTable(d)}
    </section>
    <section aria-labelledby="evidence">
      <h2 id="evidence">The evidence in brief</h2>
      ${
        d.evidence.length > 0
          ? html`<ul>
              ${d.evidence.map(
                (e) =>
                  html`<li>
                    <strong>${readable(e.kind)}:</strong> ${e.summary}${
                      e.sourceUrl ? html` (source: ${e.sourceUrl})` : null
                    }
                  </li>`,
              )}
            </ul>`
          : html`<p>No evidence was added.</p>`
      }
    </section>`;
}

function riskTable(d: DecisionDossier): SafeHtml {
  if (d.riskNotes.length === 0) return html`<p>No risk was noted.</p>`;
  return html`<div class="table-wrap">
    <table>
      <caption>
        Every risk noted, with its score (likelihood × impact)
      </caption>
      <thead>
        <tr>
          <th scope="col">Risk</th>
          <th scope="col">Likelihood × impact</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        ${d.riskNotes.map((n) => {
          const score = riskScore(n.likelihood, n.impact);
          return html`<tr>
            <td>
              <strong>${readable(n.category)}</strong>:
              ${n.description}${n.mitigation ? html`<br />Mitigation: ${n.mitigation}` : null}
            </td>
            <td>${n.likelihood} × ${n.impact} = ${score}, ${readable(severityOf(score))}</td>
            <td>${readable(n.status)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

/** The `aria-describedby` value of the ids that exist. */
function describedBy(...ids: (string | false)[]): string {
  return ids.filter(Boolean).join(' ');
}

function decisionForm(d: DecisionDossier, antiForgeryField: string, state: DecisionFormState) {
  const errors = state.errors ?? {};
  const override = d.overrideReasons.length > 0;
  return html`<form
    method="post"
    aria-labelledby="decide-title"
    novalidate
    ${d.passkey.registered ? html` data-passkey="${d.passkey.requiredFor.join(' ')}"` : null}
  >
    <h2 id="decide-title">Your decision</h2>
    <input type="hidden" name="antiForgery" value="${antiForgeryField}" />
    ${
      override
        ? html`<div class="warning" id="override-warning">
            <p>
              <strong>Approving now is recorded as an override:</strong> you ${d.approvalOverride}.
            </p>
            <p>To approve, acknowledge each of these and say why in the comment:</p>
            <ul>
              ${d.overrideReasons.map((reason) => html`<li>${reason}</li>`)}
            </ul>
          </div>`
        : null
    }
    ${
      d.rejectionOverride
        ? html`<p class="hint" id="rejection-note">
            Rejecting now is recorded as going against the team: you ${d.rejectionOverride}. It
            needs a comment, as every rejection does, and no acknowledgement.
          </p>`
        : null
    }
    <fieldset ${errors.outcome ? html`aria-describedby="outcome-error"` : null}>
      <legend>Decision</legend>
      ${errors.outcome ? html`<p class="error" id="outcome-error">${errors.outcome}</p>` : null}
      ${OUTCOMES.map(
        (o) =>
          html`<div class="choice">
            <input
              type="radio"
              name="outcome"
              id="outcome-${o.value}"
              value="${o.value}"
              aria-describedby="outcome-${o.value}-hint"
              ${state.outcome === o.value ? html` checked` : null}
            />
            <div>
              <label for="outcome-${o.value}">${o.label}</label>
              <p class="hint" id="outcome-${o.value}-hint">${o.hint}</p>
            </div>
          </div>`,
      )}
    </fieldset>
    <label for="comment">Comment</label>
    <p class="hint" id="comment-hint">
      Required to request changes, to reject, and to approve against the team's warning or past an
      open high or critical risk.
    </p>
    ${errors.comment ? html`<p class="error" id="comment-error">${errors.comment}</p>` : null}
    <textarea
      name="comment"
      id="comment"
      maxlength="10000"
      aria-describedby="${describedBy('comment-hint', !!errors.comment && 'comment-error')}"
      ${errors.comment ? html` aria-invalid="true"` : null}
    >
${state.comment ?? ''}</textarea>
    ${
      errors.acknowledgeRisks
        ? html`<p class="error" id="acknowledgeRisks-error">${errors.acknowledgeRisks}</p>`
        : null
    }
    <div class="choice">
      <input
        type="checkbox"
        name="acknowledgeRisks"
        id="acknowledgeRisks"
        value="true"
        aria-describedby="${describedBy(
          'acknowledgeRisks-hint',
          override && 'override-warning',
          !!errors.acknowledgeRisks && 'acknowledgeRisks-error',
        )}"
        ${state.acknowledgeRisks ? html` checked` : null}${
          errors.acknowledgeRisks ? html` aria-invalid="true"` : null
        }
      />
      <div>
        <label for="acknowledgeRisks"
          >I acknowledge the risks and the team's warning, and decide on the record</label
        >
        <p class="hint" id="acknowledgeRisks-hint">
          Needed only to approve against the team's warning or past an open high or critical risk.
        </p>
      </div>
    </div>
    ${passkeyStep(d.passkey)}
    <p><button type="submit">Record my decision</button></p>
  </form>`;
}

const CONFIRMING: Record<string, string> = {
  [DecisionOutcome.APPROVE]: 'approving',
  [DecisionOutcome.REQUEST_CHANGES]: 'requesting changes',
  [DecisionOutcome.REJECT]: 'rejecting',
};

/**
 * The passkey's part of the form: what the brand asks for, and for an approver with a passkey the
 * choice to confirm with it, the field the script fills and where it says how it goes.
 */
function passkeyStep({ registered, requiredFor }: DecisionDossier['passkey']): SafeHtml | null {
  const required = requiredFor.map((outcome) => CONFIRMING[outcome]).join(' or ');
  if (!registered) {
    return required
      ? html`<p class="warning" id="passkey-missing">
          The brand asks you to confirm ${required} with your passkey, and you have none yet:
          register one in Standpoint first, then open this link again.
        </p>`
      : null;
  }
  return html`<input type="hidden" name="passkeyAssertion" value="" />
    ${
      required
        ? html`<p class="hint" id="passkey-required">
            The brand asks you to confirm ${required} with your passkey: your browser asks for it
            when you record your decision.
          </p>`
        : null
    }
    <div class="choice">
      <input
        type="checkbox"
        name="confirmWithPasskey"
        id="confirmWithPasskey"
        value="true"
        aria-describedby="confirmWithPasskey-hint"
      />
      <div>
        <label for="confirmWithPasskey">Confirm with my passkey</label>
        <p class="hint" id="confirmWithPasskey-hint">
          Your device signs your decision on these exact words; the audit trail keeps its signature,
          which anyone can check.
        </p>
      </div>
    </div>
    <p id="passkey-status" role="status" aria-live="polite"></p>
    ${PASSKEY_SCRIPT_ELEMENT}`;
}
