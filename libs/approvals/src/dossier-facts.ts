import { Injectable } from '@nestjs/common';
import {
  type Dossier,
  type ProposalEntity,
  proposalRiskScore,
  type RiskNoteEntity,
  RiskStatus,
} from '@standpoint/proposals';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { OverrideFacts, ProposalFacts } from './rules';

/**
 * What the approval rules and the decision's audit event take from a proposal's dossier (read once
 * per change by the proposals' DossierReader).
 */
@Injectable()
export class DossierFacts {
  applicability(proposal: ProposalEntity, dossier: Dossier): ProposalFacts {
    const open = dossier.riskNotes.filter((note) => note.status === RiskStatus.OPEN);
    return {
      urgency: proposal.urgency,
      stanceType: proposal.stanceType,
      riskScore: proposalRiskScore(dossier.riskNotes),
      openRiskCategories: [...new Set(open.map((note) => note.category))],
    };
  }

  /** The team's latest recommendation and every risk note, for decisionOverride(). */
  override(proposal: ProposalEntity, dossier: Dossier): OverrideFacts<RiskNoteEntity> {
    const latest = dossier.recommendation;
    return {
      recommendation: latest
        ? {
            recommendation: latest.recommendation,
            current: latest.revisionNumber === proposal.currentRevisionNumber,
          }
        : null,
      risks: dossier.riskNotes,
    };
  }

  /**
   * What the approver saw, as hashes the audit event keeps: the revision's content hash, and
   * SHA-256 of the RFC 8785 JSON of the current evidence and of the risk notes.
   */
  seen(dossier: Dossier): { revision: string; evidence: string; riskNotes: string } {
    return {
      revision: dossier.revision.contentHash,
      evidence: sha256(
        dossier.evidence.map((e) => ({
          id: e.id,
          kind: e.kind,
          summary: e.summary,
          sourceUrl: e.sourceUrl,
          details: e.details,
        })),
      ),
      riskNotes: sha256(
        dossier.riskNotes.map((n) => ({
          id: n.id,
          category: n.category,
          likelihood: n.likelihood,
          impact: n.impact,
          status: n.status,
          description: n.description,
          mitigation: n.mitigation,
        })),
      ),
    };
  }
}

function sha256(value: unknown): string {
  return createHash('sha256')
    .update(canonicalize(value) ?? '')
    .digest('hex');
}
