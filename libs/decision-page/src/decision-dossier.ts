import type { DraftContent, RiskNoteEntity } from '@standpoint/proposals';

/** Everything the decision page shows of a proposal, as the approval email shows it. */
export interface DecisionDossier {
  brandName: string;
  approverName: string;
  proposal: {
    title: string;
    issue: string;
    stanceType: string;
    urgency: string;
    decisionDeadline: Date | null;
  };
  step: { name: string; dueAt: Date | null };
  linkExpiresAt: Date;
  revision: { number: number; drafts: readonly DraftContent[] };
  recommendation: { recommendation: string; rationale: string; current: boolean } | null;
  riskNotes: readonly Pick<
    RiskNoteEntity,
    'category' | 'likelihood' | 'impact' | 'status' | 'description' | 'mitigation'
  >[];
  evidence: readonly { kind: string; summary: string; sourceUrl: string | null }[];
  /** What approving would need acknowledged (empty: nothing). */
  overrideReasons: readonly string[];
  /** How an approval now would be recorded against the team or the risks; null: against nothing. */
  approvalOverride: string | null;
  /** How a rejection now would be recorded against the team; null: it would not go against it. */
  rejectionOverride: string | null;
  /** Whether the approver has a passkey, and the outcomes the brand asks them to confirm with it. */
  passkey: { registered: boolean; requiredFor: readonly string[] };
}
