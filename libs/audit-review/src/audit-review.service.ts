import { Injectable } from '@nestjs/common';
import {
  AuditCheckpointEntity,
  AuditEventEntity,
  AuditExportService,
  AuditProofsService,
  signedCheckpointOf,
} from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Connection, cursors, pageSize, toConnection } from '@standpoint/graphql';
import { canSeeBrand, Operation, requireBrandOperation } from '@standpoint/identity';
import { AuditFilter } from './inputs/audit-filter.input';
import { AuditCheckpointModel } from './models/audit-checkpoint.model';
import { AuditEventModel } from './models/audit-event.model';
import { AuditProofModel } from './models/audit-proof.model';
import { AuditVerificationModel } from './models/audit-verification.model';

export const AUDIT_PAGE = { default: 50, max: 500 };
export const CHECKPOINT_PAGE = { default: 20, max: 100 };

/** Reading and proving the audit chain, for auditors and brand admins. */
@Injectable()
export class AuditReviewService {
  constructor(
    private readonly exports: AuditExportService,
    private readonly proofs: AuditProofsService,
  ) {}

  async list(
    ctx: RequestContext,
    brandId: string,
    filter: AuditFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<AuditEventModel>> {
    requireBrandOperation(ctx, brandId, Operation.READ_AUDIT);
    const size = pageSize(first, AUDIT_PAGE.default, AUDIT_PAGE.max);
    const query = ctx.em
      .createQueryBuilder(AuditEventEntity, 'e')
      .where('e.brandId = :brandId', { brandId });
    if (filter?.entityId) query.andWhere('e.entityId = :entityId', { entityId: filter.entityId });
    if (filter?.actions?.length)
      query.andWhere('e.action IN (:...actions)', { actions: filter.actions });
    if (filter?.actorId) query.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    if (filter?.since) query.andWhere('e.at >= :since', { since: filter.since });
    if (filter?.until) query.andWhere('e.at < :until', { until: filter.until });
    const totalCount = await query.getCount();
    if (after) query.andWhere('e.seq > :after', { after: cursors.decode(after, ['number'])[0] });
    const rows = await query
      .orderBy('e.seq', 'ASC')
      .take(size + 1)
      .getMany();
    return toConnection(rows, size, totalCount, (row) => [row.seq], AuditEventModel.from);
  }

  async get(ctx: RequestContext, id: string): Promise<AuditEventModel> {
    return AuditEventModel.from(await this.readable(ctx, id));
  }

  /** The proof that this event is in a signed checkpoint of its brand's log. */
  async eventProof(ctx: RequestContext, id: string): Promise<AuditProofModel> {
    return AuditProofModel.from(await this.proofs.inclusion(ctx, await this.readable(ctx, id)));
  }

  /** The proof that the brand's log today extends the checkpoint (signed note) an auditor kept. */
  async consistencyProof(
    ctx: RequestContext,
    brandId: string,
    fromCheckpoint: string,
  ): Promise<AuditProofModel> {
    requireBrandOperation(ctx, brandId, Operation.READ_AUDIT);
    return AuditProofModel.from(await this.proofs.consistency(ctx, brandId, fromCheckpoint));
  }

  private async readable(ctx: RequestContext, id: string): Promise<AuditEventEntity> {
    const row = await ctx.em.findOneBy(AuditEventEntity, { id });
    if (!row || !canSeeBrand(ctx, row.brandId)) throw DomainError.notFound('Audit event');
    requireBrandOperation(ctx, row.brandId, Operation.READ_AUDIT);
    return row;
  }

  /**
   * Recomputes the brand's chain from the stored columns: an edited column, an edited canonical
   * text, a broken link or a gap is reported at the first sequence number where it shows.
   */
  async verify(ctx: RequestContext, brandId: string): Promise<AuditVerificationModel> {
    requireBrandOperation(ctx, brandId, Operation.READ_AUDIT);
    const result = await this.exports.verify(ctx, brandId);
    return Object.assign(new AuditVerificationModel(), {
      ...result,
      failedCheckpoint:
        result.failedCheckpoint && AuditCheckpointModel.from(result.failedCheckpoint),
    });
  }

  /** The brand's signed checkpoints, newest (largest) first. */
  async checkpoints(
    ctx: RequestContext,
    brandId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<AuditCheckpointModel>> {
    requireBrandOperation(ctx, brandId, Operation.READ_AUDIT);
    const size = pageSize(first, CHECKPOINT_PAGE.default, CHECKPOINT_PAGE.max);
    const query = ctx.em
      .createQueryBuilder(AuditCheckpointEntity, 'c')
      .where('c.brandId = :brandId', { brandId });
    const totalCount = await query.getCount();
    if (after) query.andWhere('c.size < :after', { after: cursors.decode(after, ['number'])[0] });
    const rows = await query
      .orderBy('c.size', 'DESC')
      .take(size + 1)
      .getMany();
    return toConnection(
      rows,
      size,
      totalCount,
      (row) => [row.size],
      (row) => AuditCheckpointModel.from(signedCheckpointOf(row)),
    );
  }

  async latestCheckpoint(
    ctx: RequestContext,
    brandId: string,
  ): Promise<AuditCheckpointModel | null> {
    requireBrandOperation(ctx, brandId, Operation.READ_AUDIT);
    const row = await ctx.em.findOne(AuditCheckpointEntity, {
      where: { brandId },
      order: { size: 'DESC' },
    });
    return row && AuditCheckpointModel.from(signedCheckpointOf(row));
  }
}
