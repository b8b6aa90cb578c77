// The facts the approval emails are made from, gathered by the notices in the change's transaction:
// templates read no database, so they are rendered and tested as plain functions.

export interface EmailProposal {
  brandName: string;
  title: string;
  issue: string;
  stanceType: string;
  urgency: string;
  revisionNumber: number;
  decisionDeadline: Date | null;
  authorName: string;
}

export interface EmailDraft {
  /** The network as it writes its own name ("LinkedIn"), which the email shows. */
  channel: string;
  body: string;
  mediaUrls: readonly string[];
}

export interface EmailRisk {
  category: string;
  likelihood: number;
  impact: number;
  score: number;
  severity: string;
  status: string;
  description: string;
  mitigation: string | null;
}

/** One cell of the 5 × 5 heat map: how many open risks sit there, and the severity of its score. */
export interface EmailRiskCell {
  count: number;
  severity: string;
}

export interface EmailEvidence {
  kind: string;
  summary: string;
  sourceUrl: string | null;
}

export interface EmailRecommendation {
  recommendation: string;
  rationale: string;
  byName: string;
  revisionNumber: number;
  /** Made on the revision the email shows. */
  current: boolean;
}

/** Everything an approver needs to decide, as one revision shows it. */
export interface EmailDossier {
  proposal: EmailProposal;
  drafts: EmailDraft[];
  risks: EmailRisk[];
  /** `riskMatrix[likelihood - 1][impact - 1]`, open risks only. */
  riskMatrix: EmailRiskCell[][];
  riskScore: number;
  evidence: EmailEvidence[];
  recommendation: EmailRecommendation | null;
}

/** The step an email asks an approver to decide. */
export interface EmailStep {
  name: string;
  dueAt: Date | null;
  requiredApprovals: number;
}

/** One approver's decision, as the author and the social team hear of it. */
export interface EmailDecision {
  proposal: EmailProposal;
  step: string;
  approverName: string;
  comment: string | null;
  /**
   * What the decision went against, worded by the approval rules ("rejected although the team
   * recommended PROCEED"); null or absent when it went against nothing.
   */
  overrideWords?: string | null;
}
