import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { Connection, cursors, pageSize, toConnection } from '@standpoint/graphql';
import { Operation, requireBrandOperation } from '@standpoint/identity';
import { Brackets } from 'typeorm';
import { EvidenceEntity } from './evidence.entity';
import { PrecedentFilter } from './inputs/filters.input';
import { evidenceModel } from './models/evidence.model';
import { PrecedentModel } from './models/precedent.model';
import { ProposalEntity } from './proposal.entity';
import { matchKey } from './proposals.service';
import { proposalLoaders } from './proposal.loaders';
import { EvidenceKind, EvidenceStatus, PeerReception, ProposalState } from './rules';

const PUBLISHED_STATES = [ProposalState.PUBLISHED, ProposalState.RETRACTED];

/**
 * Whether a piece of evidence is part of the precedent library: an original (not itself cited),
 * current peer-brand example, or the reaction to one of our own posts once it was published.
 */
export function isPrecedent(evidence: EvidenceEntity, proposal: ProposalEntity): boolean {
  if (evidence.status !== EvidenceStatus.ACTIVE || evidence.citedFromId || !evidence.reception)
    return false;
  return (
    evidence.kind === EvidenceKind.PEER_BRAND_EXAMPLE ||
    (evidence.kind === EvidenceKind.POST_PUBLISH_REACTION &&
      PUBLISHED_STATES.includes(proposal.state))
  );
}

@Injectable()
export class PrecedentsService {
  /** The brand's precedents, newest first, by the issue of their proposal and by reception. */
  async list(
    ctx: RequestContext,
    brandId: string,
    filter: PrecedentFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<PrecedentModel>> {
    requireBrandOperation(ctx, brandId, Operation.READ_BRAND);
    const size = pageSize(first, 20, 100);
    const query = ctx.em
      .createQueryBuilder(EvidenceEntity, 'e')
      .innerJoin(ProposalEntity, 'p', 'p.id = e.proposalId')
      .where('e.brandId = :brandId', { brandId })
      .andWhere('e.status = :active', { active: EvidenceStatus.ACTIVE })
      .andWhere('e.citedFromId IS NULL')
      .andWhere('e.reception IS NOT NULL')
      .andWhere(
        new Brackets((kinds) =>
          kinds
            .where('e.kind = :peer', { peer: EvidenceKind.PEER_BRAND_EXAMPLE })
            .orWhere('(e.kind = :reaction AND p.state IN (:...published))', {
              reaction: EvidenceKind.POST_PUBLISH_REACTION,
              published: PUBLISHED_STATES,
            }),
        ),
      );
    if (filter?.issue?.trim())
      query.andWhere('p.issueKey = :issueKey', { issueKey: matchKey(filter.issue) });
    if (filter?.receptions?.length)
      query.andWhere('e.reception IN (:...receptions)', { receptions: filter.receptions });
    const totalCount = await query.getCount();
    if (after) query.andWhere('e.id < :after', { after: cursors.decode(after, ['string'])[0] });
    const rows = await query
      .orderBy('e.id', 'DESC')
      .take(size + 1)
      .getMany();
    const origins = await proposalLoaders
      .proposalById(ctx)
      .loadMany(rows.map((row) => row.proposalId));
    const issueOf = new Map(
      origins.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p.issue] as const] : [])),
    );
    return toConnection(
      rows,
      size,
      totalCount,
      (row) => [row.id],
      (row) =>
        Object.assign(new PrecedentModel(), {
          evidence: evidenceModel(row),
          proposalId: row.proposalId,
          issue: issueOf.get(row.proposalId) ?? '',
          reception: row.reception as PeerReception,
        }),
    );
  }
}
