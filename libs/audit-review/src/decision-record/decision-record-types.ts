/** The shapes of a decision record: the audit events it reads, the lines it tells. */

/** An audit event as the record reads it. */
export interface RecordEvent {
  id: string;
  brandId: string;
  seq: number;
  hash: string;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  data: object;
}

export interface RecordDraft {
  channel: string;
  body: string;
  mediaUrls: readonly string[];
}

export interface RecordRevisionSource {
  number: number;
  contentHash: string;
  drafts: readonly RecordDraft[];
}

export interface RecordProposal {
  id: string;
  brandId: string;
  currentRevisionNumber: number;
  reviewRound: number;
}

export enum RecordLineKind {
  PROPOSED = 'PROPOSED',
  REVISED = 'REVISED',
  EVIDENCE = 'EVIDENCE',
  RISK_NOTE = 'RISK_NOTE',
  COMMENT = 'COMMENT',
  RECOMMENDATION = 'RECOMMENDATION',
  SUBMITTED = 'SUBMITTED',
  DECISION = 'DECISION',
  REMINDER = 'REMINDER',
  ESCALATION = 'ESCALATION',
  EXPIRY = 'EXPIRY',
  FREEZE = 'FREEZE',
  SCHEDULING = 'SCHEDULING',
  PUBLICATION = 'PUBLICATION',
  WITHDRAWAL = 'WITHDRAWAL',
  RETRACTION = 'RETRACTION',
}

export enum DraftChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
  UNCHANGED = 'UNCHANGED',
}

export enum TextPartKind {
  SAME = 'SAME',
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}

export interface TextPart {
  kind: TextPartKind;
  text: string;
}

/** One channel's draft compared with the previous revision's. */
export interface DraftChange {
  channel: string;
  change: DraftChangeKind;
  /** The body word by word: kept, added and removed text, in reading order. */
  parts: TextPart[];
  addedMediaUrls: string[];
  removedMediaUrls: string[];
}

export interface RecordedRevision {
  number: number;
  contentHash: string;
  drafts: RecordDraft[];
  /** Against the revision before it; empty for the first. */
  changes: DraftChange[];
}

/** What a version of an evidence item says. */
export interface RecordedEvidenceContent {
  kind: string | null;
  summary: string | null;
  sourceUrl: string | null;
}

export interface RecordedEvidence extends RecordedEvidenceContent {
  evidenceId: string;
  /** For a correction, the version it replaces; for a citation, the precedent it copies. */
  correctsId: string | null;
  citedFromId: string | null;
  /** For a correction, what the replaced version said; null for other evidence lines. */
  before: RecordedEvidenceContent | null;
}

export interface RecordedComment {
  commentId: string;
  body: string;
  /** The brand members the comment @mentions, as resolved when it was written. */
  mentionedUserIds: string[];
}

export interface RecordedRiskNote {
  riskNoteId: string;
  category: string | null;
  likelihood: number | null;
  impact: number | null;
  score: number | null;
  severity: string | null;
  description: string | null;
  mitigation: string | null;
  status: string | null;
  previousStatus: string | null;
}

export interface RecordedRecommendation {
  recommendation: string;
  rationale: string | null;
  revisionNumber: number | null;
}

export interface RecordedRisk {
  category: string;
  likelihood: number;
  impact: number;
}

export interface SeenHashes {
  revision: string;
  evidence: string;
  riskNotes: string;
}

/** An open risk of speaking, HIGH or CRITICAL, that an approval accepted. */
export interface RecordedAcceptedRisk {
  category: string;
  likelihood: number;
  impact: number;
  score: number;
  severity: string;
  /** As it was noted; null for events recorded before accepted risks were listed one by one. */
  description: string | null;
}

/** What an approver acknowledged to approve, as the decision's event recorded it. */
export interface RecordedOverride {
  acknowledgedReasons: string[];
  /** The approver's written reason, required to override. */
  acknowledgement: string | null;
  /** The team's recommendation the approver overruled, as the decision's event recorded it. */
  recommendation: RecordedRecommendation | null;
  openRisks: RecordedRisk[];
}

export interface RecordedDecision {
  decisionId: string;
  approverId: string | null;
  approverLabel: string;
  step: string;
  round: number;
  outcome: string;
  comment: string | null;
  channel: string | null;
  revisionNumber: number;
  /** The exact words decided on. */
  contentHash: string;
  /** What the approver saw, as the decision's event hashed it. */
  seen: SeenHashes | null;
  /** The team's latest recommendation recorded before this decision. */
  teamRecommendation: RecordedRecommendation | null;
  /**
   * The recommendation the decision went against: approving against HOLD or DO_NOT_POST, or
   * rejecting against PROCEED or PROCEED_WITH_CHANGES. Null when it did not go against the team.
   */
  againstTeam: RecordedRecommendation | null;
  /** The open HIGH or CRITICAL risks of speaking an approval accepted; empty for other decisions. */
  acceptedRisks: RecordedAcceptedRisk[];
  /** What the decision went against, in words ("rejected although the team recommended PROCEED"). */
  overrideWords: string | null;
  /** Set when an approval needed an acknowledgement (against the team, or past open risks). */
  override: RecordedOverride | null;
  /** Made on words or a review round that has since been replaced. */
  stale: boolean;
}

export interface StateChange {
  from: string;
  to: string;
}

export interface RecordLine {
  /** The audit event behind the line: its id, its sequence number in the brand's chain, its hash. */
  auditEventId: string;
  seq: number;
  hash: string;
  at: Date;
  action: string;
  kind: RecordLineKind;
  actorId: string | null;
  actorLabel: string;
  summary: string;
  revisionNumber: number | null;
  reason: string | null;
  state: StateChange | null;
  revision: RecordedRevision | null;
  evidence: RecordedEvidence | null;
  riskNote: RecordedRiskNote | null;
  comment: RecordedComment | null;
  recommendation: RecordedRecommendation | null;
  decision: RecordedDecision | null;
  publication: { channel: string | null; url: string | null; publishAt: string | null } | null;
}

/** The whole record of one proposal. */
export interface DecisionRecord {
  proposalId: string;
  title: string;
  state: string;
  lines: RecordLine[];
}
