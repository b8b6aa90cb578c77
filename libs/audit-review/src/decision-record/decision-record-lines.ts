import {
  AuditAction,
  catalogued,
  CataloguedEvent,
  StoredAuditData,
  unhandledAction,
} from '@standpoint/events';
import { field, isObject, list, member, num, str, text } from './audit-data';
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
  RecordedComment,
  RecordedDecision,
  RecordedEvidence,
  RecordedEvidenceContent,
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
 * evidence, risk notes, comments and decisions; `freezeEvents` the brand's content freeze events,
 * of which only those between the proposal's creation and its leaving the reach of a freeze are
 * told.
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
    ['Evidence', 'RiskNote', 'Comment', 'Decision'].includes(event.entityType) &&
    member(event.data, 'proposalId') === proposalId
  );
}

function bySeq(a: RecordEvent, b: RecordEvent): number {
  return a.seq - b.seq;
}

/** A stored event of the proposal's story, its payload typed by its action. */
type Told<A extends AuditAction = AuditAction> = Extract<
  CataloguedEvent<RecordEvent>,
  { action: A }
>;

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

  /** The line of one event; none for an event that is not part of a proposal's story. */
  tell(event: RecordEvent): RecordLine | null {
    const told = catalogued(event);
    // An action no longer recorded tells nothing.
    return told ? this.line(told) : null;
  }

  private line(event: Told): RecordLine | null {
    const base = lineBase(event);
    switch (event.action) {
      case 'proposal.created':
        return this.revisionLine(
          base,
          RecordLineKind.PROPOSED,
          num(field(event.data, 'revision', 'number')),
        );
      case 'proposal.revised':
        return this.revisionLine(
          base,
          RecordLineKind.REVISED,
          num(field(event.data, 'to', 'revision')),
        );
      case 'evidence.added':
      case 'evidence.cited':
      case 'evidence.corrected':
      case 'evidence.withdrawn':
        return evidenceLine(base, event);
      case 'risk_note.added':
      case 'risk_note.updated':
        return this.riskNoteLine(base, event);
      case 'comment.added':
        return commentLine(base, event);
      case 'recommendation.set': {
        const after = recommendationOf(field(event.data, 'after'));
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
          summary: `Submitted for review (round ${num(field(event.data, 'round')) ?? '?'}, policy version ${num(field(event.data, 'policyVersion')) ?? '?'})`,
          revisionNumber: num(field(event.data, 'revision', 'number')),
        };
      case 'decision.recorded':
        return this.decisionLine(base, event);
      case 'step.reminded':
        return {
          ...base,
          kind: RecordLineKind.REMINDER,
          summary: `Reminder on step ${text(field(event.data, 'step'))}, due ${text(field(event.data, 'dueAt'))}`,
        };
      case 'step.escalated':
        return {
          ...base,
          kind: RecordLineKind.ESCALATION,
          summary: `Step ${text(field(event.data, 'step'))} escalated to its deputies`,
        };
      case 'proposal.expired':
        return {
          ...base,
          kind: RecordLineKind.EXPIRY,
          summary: `Expired on step ${text(field(event.data, 'step'))}: no decision, no post`,
          reason: str(field(event.data, 'why')),
        };
      case 'content_freeze.started':
      case 'content_freeze.ended':
      case 'proposal.unscheduled':
        return freezeLine(base, event);
      case 'proposal.scheduled': {
        const publishAt = field(event.data, 'publishAt');
        return {
          ...base,
          kind: RecordLineKind.SCHEDULING,
          summary: `Scheduled for ${text(publishAt)}${field(event.data, 'afterFreeze') === true ? ' again, after a content freeze' : ''}`,
          publication: { channel: null, url: null, publishAt: str(publishAt) },
        };
      }
      case 'proposal.published':
        return {
          ...base,
          kind: RecordLineKind.PUBLICATION,
          summary: `Published on ${text(field(event.data, 'channel'))}`,
          publication: {
            channel: str(field(event.data, 'channel')),
            url: str(field(event.data, 'url')),
            publishAt: null,
          },
        };
      case 'proposal.withdrawn':
        return { ...base, kind: RecordLineKind.WITHDRAWAL, summary: 'Withdrawn' };
      case 'proposal.retracted':
        return { ...base, kind: RecordLineKind.RETRACTION, summary: 'Retracted' };
      // Not lines of a proposal's story.
      case 'brand.created':
      case 'member.added':
      case 'member.roles_changed':
      case 'member.removed':
      case 'user.deactivated':
      case 'approval_policy.set':
      case 'step.approver_removed':
      case 'webhook_endpoint.registered':
      case 'webhook_endpoint.updated':
      case 'webhook_endpoint.deleted':
      case 'outbox.retried':
      case 'calendar_feed.created':
      case 'calendar_feed.revoked':
      case 'outbox.gave_up':
      case 'teams_connection.set':
      case 'teams_connection.removed':
      case 'publication.unapproved_content_reported':
      case 'oidc_provider.set':
      case 'saml_provider.set':
      case 'sso_requirement.set':
      case 'user.signed_in_with_sso':
      case 'sso.last_admin_kept':
      case 'slack.connected':
      case 'slack.disconnected':
      case 'slack.user_linked':
      case 'slack.user_unlinked':
      case 'scim_token.created':
      case 'scim_token.revoked':
      case 'group_roles.set':
      case 'group_roles.removed':
      case 'scim_user.provisioned':
      case 'scim_user.updated':
      case 'scim_user.deleted':
      case 'scim_group.created':
      case 'scim_group.updated':
      case 'scim_group.deleted':
        return null;
      default:
        return unhandledAction(event);
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

  private riskNoteLine(
    base: LineBase,
    event: Told<'risk_note.added' | 'risk_note.updated'>,
  ): RecordLine {
    const known = this.riskNotes.get(event.entityId);
    const note: RecordedRiskNote =
      event.action === 'risk_note.added'
        ? {
            riskNoteId: event.entityId,
            category: str(field(event.data, 'category')),
            likelihood: num(field(event.data, 'likelihood')),
            impact: num(field(event.data, 'impact')),
            score: num(field(event.data, 'score')),
            severity: str(field(event.data, 'severity')),
            description: str(field(event.data, 'description')),
            mitigation: str(field(event.data, 'mitigation')),
            status: 'OPEN',
            previousStatus: null,
          }
        : {
            ...(known ?? emptyRiskNote(event.entityId)),
            status: str(field(event.data, 'after', 'status')),
            mitigation: str(field(event.data, 'after', 'mitigation')),
            previousStatus: str(field(event.data, 'before', 'status')),
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

  private decisionLine(base: LineBase, event: Told<'decision.recorded'>): RecordLine {
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
              category: text(member(risk, 'category')),
              likelihood: num(member(risk, 'likelihood')) ?? 0,
              impact: num(member(risk, 'impact')) ?? 0,
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

/**
 * Every line is told from one event and names that one: the event that records the line's fact,
 * so that a proof of it (`npx standpoint audit prove --event <auditEventId>`) proves the line. A
 * line that also repeats what earlier events told (a risk note's category on its status change, the
 * team's recommendation before a decision, what a corrected evidence said before) names none of
 * them: each has a line of its own.
 */
function lineBase(event: RecordEvent): LineBase {
  return {
    auditEventId: event.id,
    seq: event.seq,
    hash: event.hash,
    at: event.at,
    action: event.action,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    revisionNumber: null,
    reason: str(member(event.data, 'reason')),
    state: stateChangeOf(event),
    revision: null,
    evidence: null,
    riskNote: null,
    comment: null,
    recommendation: null,
    decision: null,
    publication: null,
  };
}

type DecisionData = StoredAuditData<'decision.recorded'>;

type EvidenceAction =
  'evidence.added' | 'evidence.cited' | 'evidence.corrected' | 'evidence.withdrawn';

/** A withdrawal's event records only the kind and summary of what it withdraws, no source. */
function evidenceLine(base: LineBase, event: Told<EvidenceAction>): RecordLine {
  const corrected = event.action === 'evidence.corrected';
  const before = corrected ? evidenceContentOf(field(event.data, 'before')) : null;
  const evidence: RecordedEvidence = {
    evidenceId: event.entityId,
    ...evidenceContentOf(corrected ? field(event.data, 'after') : event.data),
    correctsId: corrected ? str(field(event.data, 'corrects')) : null,
    citedFromId: event.action === 'evidence.cited' ? str(field(event.data, 'citedFrom')) : null,
    before,
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
    summary: `${verb}: ${evidence.kind ?? ''} — ${evidence.summary ?? ''}${
      before ? ` (was: ${before.summary ?? ''})` : ''
    }`,
    evidence,
  };
}

function evidenceContentOf(
  content: Partial<StoredAuditData<'evidence.added'>> | undefined,
): RecordedEvidenceContent {
  return {
    kind: str(field(content, 'kind')),
    summary: str(field(content, 'summary')),
    sourceUrl: str(field(content, 'sourceUrl')),
  };
}

function commentLine(base: LineBase, event: Told<'comment.added'>): RecordLine {
  const comment: RecordedComment = {
    commentId: event.entityId,
    body: text(field(event.data, 'body')),
    mentionedUserIds: list(field(event.data, 'mentionedUserIds')).flatMap((id) => str(id) ?? []),
  };
  const mentions = comment.mentionedUserIds.length;
  return {
    ...base,
    kind: RecordLineKind.COMMENT,
    summary: `Commented${mentions ? `, mentioning ${mentions} member${mentions > 1 ? 's' : ''}` : ''}`,
    comment,
  };
}

function freezeLine(
  base: LineBase,
  event: Told<'content_freeze.started' | 'content_freeze.ended' | 'proposal.unscheduled'>,
): RecordLine {
  const summary =
    event.action === 'content_freeze.started'
      ? 'Content freeze started'
      : event.action === 'content_freeze.ended'
        ? field(event.data, 'automatic') === true
          ? 'Content freeze ended by itself'
          : 'Content freeze ended'
        : 'Unscheduled by the content freeze';
  return {
    ...base,
    kind: RecordLineKind.FREEZE,
    summary,
    publication:
      event.action === 'proposal.unscheduled'
        ? { channel: null, url: null, publishAt: str(field(event.data, 'publishAt')) }
        : null,
  };
}

/** The state change an event records, under whichever name its action keeps it. */
function stateChangeOf(event: RecordEvent): StateChange | null {
  const d = event.data;
  for (const candidate of [member(d, 'state'), member(d, 'proposalState')]) {
    const from = str(member(candidate, 'from'));
    const to = str(member(candidate, 'to'));
    if (from && to) return from === to ? null : { from, to };
  }
  if (event.action === 'proposal.submitted') {
    const from = str(member(d, 'from'));
    const to = str(member(d, 'to'));
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
  data: DecisionData,
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
function acceptedRisksOf(data: DecisionData): RecordedAcceptedRisk[] {
  const recorded = field(data, 'acceptedRisks');
  const legacy = !Array.isArray(recorded);
  const risks = legacy ? list(field(data, 'override', 'openRisks')) : recorded;
  const accepted: RecordedAcceptedRisk[] = [];
  for (const risk of risks) {
    const likelihood = num(member(risk, 'likelihood')) ?? 0;
    const impact = num(member(risk, 'impact')) ?? 0;
    const score = likelihood * impact;
    if (!(score >= 1 && score <= 25) || (legacy && score < 10)) continue;
    accepted.push({
      category: text(member(risk, 'category')),
      likelihood,
      impact,
      score,
      severity: str(member(risk, 'severity')) ?? severityOf(score),
      description: str(member(risk, 'description')),
    });
  }
  return accepted;
}

function recommendationOf(value: unknown): RecordedRecommendation | null {
  const recommendation = str(member(value, 'recommendation'));
  if (!recommendation) return null;
  return {
    recommendation,
    rationale: str(member(value, 'rationale')),
    revisionNumber: num(member(value, 'revisionNumber')),
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
