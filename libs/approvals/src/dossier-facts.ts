import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import {
  EvidenceEntity,
  EvidenceStatus,
  ProposalEntity,
  proposalRiskScore,
  RecommendationEntity,
  RevisionEntity,
  RiskNoteEntity,
  RiskStatus,
} from '@standpoint/proposals';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { OverrideFacts, ProposalFacts } from './rules';

/** What the rules need to know of a proposal's words and dossier at one moment, read in the transaction. */
export interface Dossier {
  revision: RevisionEntity;
  evidence: EvidenceEntity[];
  riskNotes: RiskNoteEntity[];
  recommendation: RecommendationEntity | null;
}

@Injectable()
export class DossierFacts {
  async read(ctx: RequestContext, proposal: ProposalEntity): Promise<Dossier> {
    const [revision, evidence, riskNotes, recommendation] = [
      await ctx.em.findOneByOrFail(RevisionEntity, {
        proposalId: proposal.id,
        number: proposal.currentRevisionNumber,
      }),
      await ctx.em.find(EvidenceEntity, {
        where: { proposalId: proposal.id, status: EvidenceStatus.ACTIVE },
        order: { id: 'ASC' },
      }),
      await ctx.em.find(RiskNoteEntity, {
        where: { proposalId: proposal.id },
        order: { id: 'ASC' },
      }),
      await ctx.em.findOne(RecommendationEntity, {
        where: { proposalId: proposal.id },
        order: { id: 'DESC' },
      }),
    ];
    return { revision, evidence, riskNotes, recommendation };
  }

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
