import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { EvidenceEntity } from './evidence.entity';
import { ProposalEntity } from './proposal.entity';
import { RecommendationEntity } from './recommendation.entity';
import { RevisionEntity } from './revision.entity';
import { RiskNoteEntity } from './risk-note.entity';
import { EvidenceStatus, writersOf } from './rules';

/** A proposal's words and dossier at one moment, read in the transaction. */
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
 * (the approval rules, the audit event, the emails), and the decision page shows what it reads.
 */
@Injectable()
export class DossierReader {
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
}
