import { field, isObject, list, num, str, text } from './audit-data';
import { DecisionOutcome, goesAgainstTeam, overrideWords } from '@standpoint/approvals/rules';
import { severityOf } from '@standpoint/proposals/rules';
import {
  DraftChangeKind,
  RecordedAcceptedRisk,
  RecordEvent,
  RecordLine,
  RecordLineKind,
  RecordProposal,
  RecordRevisionSource,
  RecordedDecision,
  RecordedEvidence,
  RecordedRecommendation,
  RecordedRevision,
  RecordedRiskNote,
  StateChange,
} from './decision-record-types';
import { draftChanges } from './draft-changes';

/**
 * The decision record of one proposal, assembled from its audit events (the order, the actors, the
 * sequence numbers and hashes) and its revisions (the words, to show what each revision changed).
 * Plain functions over plain data: no framework, no database.
 */

/** Once a proposal is in one of these states, a content freeze no longer concerns it. */
const OUT_OF_FREEZE_STATES = new Set([
  'PUBLISHED',
  'REJECTED',
  'EXPIRED',
  'WITHDRAWN',
  'RETRACTED',
]);

/**
 * The story of a proposal in audit order. `events` are the proposal's own events and those of its
 * evidence, risk notes and decisions; `freezeEvents` the brand's content freeze events, of which
 * only those between the proposal's creation and its leaving the reach of a freeze are told.
 */
export function decisionRecordLines(
  proposal: RecordProposal,
  revisions: readonly RecordRevisionSource[],
  events: readonly RecordEvent[],
  freezeEvents: readonly RecordEvent[],
): RecordLine[] {
  const own = events
    .filter((event) => event.brandId === proposal.brandId && belongsTo(event, proposal.id))
    .sort(bySeq);
  const created = own.find((event) => event.action === 'proposal.created');
  const outOfReach = own.find((event) => OUT_OF_FREEZE_STATES.has(stateChangeOf(event)?.to ?? ''));
  const freezes = freezeEvents.filter(
    (event) =>
      event.brandId === proposal.brandId &&
      event.entityType === 'ContentFreeze' &&
      (!created || event.seq > created.seq) &&
      (!outOfReach || event.seq < outOfReach.seq),
  );
  const story = new StoryState(proposal, revisions);
  const lines: RecordLine[] = [];
  const seen = new Set<number>();
  for (const event of [...own, ...freezes].sort(bySeq)) {
    if (seen.has(event.seq)) continue;
    seen.add(event.seq);
    const line = story.tell(event);
    if (line) lines.push(line);
  }
  return lines;
}

function belongsTo(event: RecordEvent, proposalId: string): boolean {
  if (event.entityType === 'Proposal') return event.entityId === proposalId;
  return (
    ['Evidence', 'RiskNote', 'Decision'].includes(event.entityType) &&
    field(event.data, 'proposalId') === proposalId
  );
}

function bySeq(a: RecordEvent, b: RecordEvent): number {
  return a.seq - b.seq;
}

/** What the story has told so far, which later lines refer to. */
class StoryState {
  private readonly revisions: Map<number, RecordRevisionSource>;
  private readonly riskNotes = new Map<string, RecordedRiskNote>();
  private recommendation: RecordedRecommendation | null = null;

  constructor(
    private readonly proposal: RecordProposal,
    revisions: readonly RecordRevisionSource[],
  ) {
    this.revisions = new Map(revisions.map((revision) => [revision.number, revision]));
  }

  tell(event: RecordEvent): RecordLine | null {
    const d = event.data;
    const base = lineBase(event);
    switch (event.action) {
      case 'proposal.created':
        return this.revisionLine(
          base,
          RecordLineKind.PROPOSED,
          num(field(d, 'revision', 'number')),
        );
      case 'proposal.revised':
        return this.revisionLine(base, RecordLineKind.REVISED, num(field(d, 'to', 'revision')));
      case 'evidence.added':
      case 'evidence.cited':
      case 'evidence.corrected':
      case 'evidence.withdrawn':
        return evidenceLine(base, event);
      case 'risk_note.added':
      case 'risk_note.updated':
        return this.riskNoteLine(base, event);
      case 'recommendation.set': {
        const after = recommendationOf(field(d, 'after'));
        this.recommendation = after;
        return {
          ...base,
          kind: RecordLineKind.RECOMMENDATION,
          summary: `The team recommends ${after?.recommendation ?? '?'} on revision ${after?.revisionNumber ?? '?'}`,
          revisionNumber: after?.revisionNumber ?? null,
          recommendation: after,
        };
      }
      case 'proposal.submitted':
        return {
          ...base,
          kind: RecordLineKind.SUBMITTED,
          summary: `Submitted for review (round ${num(field(d, 'round')) ?? '?'}, policy version ${num(field(d, 'policyVersion')) ?? '?'})`,
          revisionNumber: num(field(d, 'revision', 'number')),
        };
      case 'decision.recorded':
        return this.decisionLine(base, event);
      case 'step.reminded':
        return {
          ...base,
          kind: RecordLineKind.REMINDER,
          summary: `Reminder on step ${text(field(d, 'step'))}, due ${text(field(d, 'dueAt'))}`,
        };
      case 'step.escalated':
        return {
          ...base,
          kind: RecordLineKind.ESCALATION,
          summary: `Step ${text(field(d, 'step'))} escalated to its deputies`,
        };
      case 'proposal.expired':
        return {
          ...base,
          kind: RecordLineKind.EXPIRY,
          summary: `Expired on step ${text(field(d, 'step'))}: no decision, no post`,
          reason: str(field(d, 'why')),
        };
      case 'content_freeze.started':
      case 'content_freeze.ended':
      case 'proposal.unscheduled':
        return freezeLine(base, event);
      case 'proposal.scheduled':
        return {
          ...base,
          kind: RecordLineKind.SCHEDULING,
          summary: `Scheduled for ${text(field(d, 'publishAt'))}${field(d, 'afterFreeze') === true ? ' again, after a content freeze' : ''}`,
          publication: { channel: null, url: null, publishAt: str(field(d, 'publishAt')) },
        };
      case 'proposal.published':
        return {
          ...base,
          kind: RecordLineKind.PUBLICATION,
          summary: `Published on ${text(field(d, 'channel'))}`,
          publication: {
            channel: str(field(d, 'channel')),
            url: str(field(d, 'url')),
            publishAt: null,
          },
        };
      case 'proposal.withdrawn':
        return { ...base, kind: RecordLineKind.WITHDRAWAL, summary: 'Withdrawn' };
      case 'proposal.retracted':
        return { ...base, kind: RecordLineKind.RETRACTION, summary: 'Retracted' };
      default:
        return null;
    }
  }

  private revisionLine(base: LineBase, kind: RecordLineKind, number: number | null): RecordLine {
    const revision = number === null ? undefined : this.revisions.get(number);
    const previous = number === null ? undefined : this.revisions.get(number - 1);
    const recorded: RecordedRevision | null = revision
      ? {
          number: revision.number,
          contentHash: revision.contentHash,
          drafts: revision.drafts.map((draft) => ({ ...draft, mediaUrls: [...draft.mediaUrls] })),
          changes: previous ? draftChanges(previous.drafts, revision.drafts) : [],
        }
      : null;
    const changed = recorded?.changes
      .filter((change) => change.change !== DraftChangeKind.UNCHANGED)
      .map((change) => `${change.channel} ${change.change.toLowerCase()}`);
    return {
      ...base,
      kind,
      summary:
        kind === RecordLineKind.PROPOSED
          ? `Proposed, revision ${number ?? '?'}`
          : `Revision ${number ?? '?'} written${changed?.length ? ` (${changed.join(', ')})` : ''}`,
      revisionNumber: number,
      revision: recorded,
    };
  }

  private riskNoteLine(base: LineBase, event: RecordEvent): RecordLine {
    const d = event.data;
    const known = this.riskNotes.get(event.entityId);
    const note: RecordedRiskNote =
      event.action === 'risk_note.added'
        ? {
            riskNoteId: event.entityId,
            category: str(field(d, 'category')),
            likelihood: num(field(d, 'likelihood')),
            impact: num(field(d, 'impact')),
            score: num(field(d, 'score')),
            severity: str(field(d, 'severity')),
            description: str(field(d, 'description')),
            mitigation: str(field(d, 'mitigation')),
            status: 'OPEN',
            previousStatus: null,
          }
        : {
            ...(known ?? emptyRiskNote(event.entityId)),
            status: str(field(d, 'after', 'status')),
            mitigation: str(field(d, 'after', 'mitigation')),
            previousStatus: str(field(d, 'before', 'status')),
          };
    this.riskNotes.set(event.entityId, note);
    const what = `${note.severity ?? ''} risk ${note.category ?? ''}`.trim();
    return {
      ...base,
      kind: RecordLineKind.RISK_NOTE,
      summary:
        event.action === 'risk_note.added'
          ? `Warned of a ${what} (score ${note.score ?? '?'})`
          : `Risk ${note.category ?? ''} marked ${note.status ?? '?'}`,
      riskNote: note,
    };
  }

  private decisionLine(base: LineBase, event: RecordEvent): RecordLine {
    const d = event.data;
    const revisionNumber = num(field(d, 'revisionNumber')) ?? 0;
    const round = num(field(d, 'round')) ?? 0;
    const outcome = text(field(d, 'outcome'));
    const override = field(d, 'override');
    const comment = str(field(d, 'comment'));
    const seen = field(d, 'seen');
    const againstTeam = againstTeamOf(d, outcome, this.recommendation);
    const acceptedRisks = acceptedRisksOf(d);
    const words = overrideWords(
      outcome,
      againstTeam && {
        recommendation: againstTeam.recommendation,
        current:
          againstTeam.revisionNumber === null || againstTeam.revisionNumber === revisionNumber,
      },
      acceptedRisks,
    );
    const decision: RecordedDecision = {
      decisionId: event.entityId,
      approverId: event.actorId,
      approverLabel: event.actorLabel,
      step: text(field(d, 'step')),
      round,
      outcome,
      comment,
      channel: str(field(d, 'channel')),
      revisionNumber,
      contentHash: text(field(d, 'contentHash')),
      seen: isObject(seen)
        ? {
            revision: text(field(seen, 'revision')),
            evidence: text(field(seen, 'evidence')),
            riskNotes: text(field(seen, 'riskNotes')),
          }
        : null,
      teamRecommendation: this.recommendation,
      againstTeam,
      acceptedRisks,
      overrideWords: words,
      override: isObject(override)
        ? {
            acknowledgedReasons: list(field(override, 'acknowledged')).map(text),
            acknowledgement: comment,
            recommendation: recommendationOf(field(override, 'recommendation')),
            openRisks: list(field(override, 'openRisks')).map((risk) => ({
              category: text(field(risk, 'category')),
              likelihood: num(field(risk, 'likelihood')) ?? 0,
              impact: num(field(risk, 'impact')) ?? 0,
            })),
          }
        : null,
      stale:
        revisionNumber !== this.proposal.currentRevisionNumber ||
        round !== this.proposal.reviewRound,
    };
    const verb = OUTCOME_VERB[decision.outcome] ?? decision.outcome;
    const marker = decision.override ? 'OVERRIDE' : 'AGAINST THE TEAM';
    return {
      ...base,
      kind: RecordLineKind.DECISION,
      summary: `${verb} on step ${decision.step}, revision ${revisionNumber}${words ? ` — ${marker}: ${words}` : ''}`,
      revisionNumber,
      decision,
    };
  }
}

const OUTCOME_VERB: Record<string, string> = {
  APPROVE: 'Approved',
  REQUEST_CHANGES: 'Changes requested',
  REJECT: 'Rejected',
};

type LineBase = Omit<RecordLine, 'kind' | 'summary'>;

function lineBase(event: RecordEvent): LineBase {
  return {
    seq: event.seq,
    hash: event.hash,
    at: event.at,
    action: event.action,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    revisionNumber: null,
    reason: str(field(event.data, 'reason')),
    state: stateChangeOf(event),
    revision: null,
    evidence: null,
    riskNote: null,
    recommendation: null,
    decision: null,
    publication: null,
  };
}

function evidenceLine(base: LineBase, event: RecordEvent): RecordLine {
  const d = event.data;
  const content = event.action === 'evidence.corrected' ? field(d, 'after') : d;
  const evidence: RecordedEvidence = {
    evidenceId: event.entityId,
    kind: str(field(content, 'kind')),
    summary: str(field(content, 'summary')),
    sourceUrl: str(field(content, 'sourceUrl')),
    correctsId: str(field(d, 'corrects')),
    citedFromId: str(field(d, 'citedFrom')),
  };
  const verb = {
    'evidence.added': 'Evidence added',
    'evidence.cited': 'Precedent cited as evidence',
    'evidence.corrected': 'Evidence corrected',
    'evidence.withdrawn': 'Evidence withdrawn',
  }[event.action];
  return {
    ...base,
    kind: RecordLineKind.EVIDENCE,
    summary: `${verb}: ${evidence.kind ?? ''} — ${evidence.summary ?? ''}`,
    evidence,
  };
}

function freezeLine(base: LineBase, event: RecordEvent): RecordLine {
  const d = event.data;
  const summary = {
    'content_freeze.started': 'Content freeze started',
    'content_freeze.ended':
      field(d, 'automatic') === true ? 'Content freeze ended by itself' : 'Content freeze ended',
    'proposal.unscheduled': 'Unscheduled by the content freeze',
  }[event.action]!;
  return {
    ...base,
    kind: RecordLineKind.FREEZE,
    summary,
    publication:
      event.action === 'proposal.unscheduled'
        ? { channel: null, url: null, publishAt: str(field(d, 'publishAt')) }
        : null,
  };
}

/** The state change an event records, under whichever name its action keeps it. */
function stateChangeOf(event: RecordEvent): StateChange | null {
  const d = event.data;
  for (const candidate of [field(d, 'state'), field(d, 'proposalState')]) {
    const from = str(field(candidate, 'from'));
    const to = str(field(candidate, 'to'));
    if (from && to) return from === to ? null : { from, to };
  }
  if (event.action === 'proposal.submitted') {
    const from = str(field(d, 'from'));
    const to = str(field(d, 'to'));
    if (from && to) return { from, to };
  }
  return null;
}

/**
 * The recommendation a decision went against. Events from the version that records it say so in
 * `againstTeam`; older ones are read for what they hold: an approval's `override.recommendation`
 * when it was a warning (older events named the latest recommendation, whatever it was), and for a
 * rejection, the team's latest recommendation in the record when it said to go ahead.
 */
function againstTeamOf(
  data: object,
  outcome: string,
  latest: RecordedRecommendation | null,
): RecordedRecommendation | null {
  if ('againstTeam' in data) return recommendationOf(field(data, 'againstTeam'));
  const recorded =
    outcome === DecisionOutcome.REJECT
      ? latest
      : recommendationOf(field(data, 'override', 'recommendation'));
  return recorded && goesAgainstTeam(outcome as DecisionOutcome, recorded.recommendation)
    ? recorded
    : null;
}

/**
 * The risks an approval accepted: listed one by one in `acceptedRisks` from the version that
 * records them; in older events, the open risks scored HIGH or CRITICAL that the approver had to
 * acknowledge (then every category counted, the risk of silence included).
 */
function acceptedRisksOf(data: object): RecordedAcceptedRisk[] {
  const recorded = field(data, 'acceptedRisks');
  const legacy = !Array.isArray(recorded);
  const risks = legacy ? list(field(data, 'override', 'openRisks')) : recorded;
  const accepted: RecordedAcceptedRisk[] = [];
  for (const risk of risks) {
    const likelihood = num(field(risk, 'likelihood')) ?? 0;
    const impact = num(field(risk, 'impact')) ?? 0;
    const score = likelihood * impact;
    if (!(score >= 1 && score <= 25) || (legacy && score < 10)) continue;
    accepted.push({
      category: text(field(risk, 'category')),
      likelihood,
      impact,
      score,
      severity: str(field(risk, 'severity')) ?? severityOf(score),
      description: str(field(risk, 'description')),
    });
  }
  return accepted;
}

function recommendationOf(value: unknown): RecordedRecommendation | null {
  const recommendation = str(field(value, 'recommendation'));
  if (!recommendation) return null;
  return {
    recommendation,
    rationale: str(field(value, 'rationale')),
    revisionNumber: num(field(value, 'revisionNumber')),
  };
}

function emptyRiskNote(riskNoteId: string): RecordedRiskNote {
  return {
    riskNoteId,
    category: null,
    likelihood: null,
    impact: null,
    score: null,
    severity: null,
    description: null,
    mitigation: null,
    status: null,
    previousStatus: null,
  };
}
