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
import { OverrideFacts, ProposalFacts, writersOf } from './rules';

/** What the rules need to know of a proposal's words and dossier at one moment, read in the transaction. */
export interface Dossier {
  revision: RevisionEntity;
  /** Everyone who wrote words of the proposal: its author and the writer of each revision. */
  writerIds: string[];
  evidence: EvidenceEntity[];
  riskNotes: RiskNoteEntity[];
  recommendation: RecommendationEntity | null;
}

/**
 * The one reader of a proposal's dossier: a change reads it once and hands it to whoever needs it
 * (the rules, the audit event, the emails), and the decision page shows what it reads.
 */
@Injectable()
export class DossierFacts {
  async read(ctx: RequestContext, proposal: ProposalEntity): Promise<Dossier> {
    const { revisions, recommendation } = await this.revisionsOf(ctx, proposal);
    const revision = revisions.find((r) => r.number === proposal.currentRevisionNumber);
    if (!revision) throw new Error(`proposal ${proposal.id} has no current revision`);
    const writerIds = writersOf(
      proposal.authorId,
      revisions.map((r) => r.createdById),
    );
    const evidence = await ctx.em.find(EvidenceEntity, {
      where: { proposalId: proposal.id, status: EvidenceStatus.ACTIVE },
      order: { id: 'ASC' },
    });
    const riskNotes = await ctx.em.find(RiskNoteEntity, {
      where: { proposalId: proposal.id },
      order: { id: 'ASC' },
    });
    return { revision, writerIds, evidence, riskNotes, recommendation };
  }

  /**
   * In one statement: the current revision and each writer's first (what the dossier shows and who
   * wrote words of the proposal), each with the team's latest recommendation.
   */
  private async revisionsOf(ctx: RequestContext, proposal: ProposalEntity) {
    const query = ctx.em.createQueryBuilder(RevisionEntity, 'r');
    const firstOfEachWriter = query
      .subQuery()
      .select('MIN(w.number)')
      .from(RevisionEntity, 'w')
      .where('w.proposalId = :proposalId')
      .groupBy('w.createdById')
      .getQuery();
    const latestRecommendation = query
      .subQuery()
      .select('MAX(l.id)')
      .from(RecommendationEntity, 'l')
      .where('l.proposalId = :proposalId')
      .getQuery();
    const rows = (await query
      .leftJoinAndMapOne(
        'r.recommendation',
        RecommendationEntity,
        'rec',
        `rec.id = ${latestRecommendation}`,
      )
      .where('r.proposalId = :proposalId', { proposalId: proposal.id })
      .andWhere(`(r.number = :current OR r.number IN ${firstOfEachWriter})`, {
        current: proposal.currentRevisionNumber,
      })
      .getMany()) as (RevisionEntity & { recommendation?: RecommendationEntity | null })[];
    const revisions = rows.map(({ recommendation: _, ...revision }) => revision);
    return { revisions, recommendation: rows[0]?.recommendation ?? null };
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
