import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { MoreThan } from 'typeorm';
import { ChainVerification, ChainVerifier } from './audit-chain';
import { AuditEventEntity } from './audit-event.entity';
import { eventLine, headerLine } from './export-format';
import { contentOf, storedLink } from './stored-link';

const BATCH = 1000;

export type ExportFormat = 'ndjson' | 'csv';

const CSV_COLUMNS = [
  'seq',
  'at',
  'actorId',
  'actorLabel',
  'action',
  'entityType',
  'entityId',
  'data',
  'prevHash',
  'hash',
] as const;

/** Reads a brand's chain in sequence order, a batch at a time: memory stays flat however long it is. */
@Injectable()
export class AuditExportService {
  async *events(ctx: RequestContext, brandId: string): AsyncGenerator<AuditEventEntity> {
    let after = 0;
    for (;;) {
      const batch = await ctx.em.find(AuditEventEntity, {
        where: { brandId, seq: MoreThan(after) },
        order: { seq: 'ASC' },
        take: BATCH,
      });
      yield* batch;
      if (batch.length < BATCH) return;
      after = batch[batch.length - 1].seq;
    }
  }

  count(ctx: RequestContext, brandId: string): Promise<number> {
    return ctx.em.countBy(AuditEventEntity, { brandId });
  }

  /** The export's lines: NDJSON (a header, then one event per line) or CSV for reading. */
  async *lines(
    ctx: RequestContext,
    brand: { id: string; slug: string },
    format: ExportFormat,
    exportedAt: Date,
  ): AsyncGenerator<string> {
    if (format === 'ndjson')
      yield headerLine({
        brandId: brand.id,
        brandSlug: brand.slug,
        exportedAt: exportedAt.toISOString(),
      });
    else yield CSV_COLUMNS.join(',');
    for await (const row of this.events(ctx, brand.id)) {
      const content = contentOf(row);
      yield format === 'ndjson'
        ? eventLine(content, row.hash)
        : CSV_COLUMNS.map((column) =>
            csvCell(
              column === 'data'
                ? JSON.stringify(row.data)
                : column === 'hash'
                  ? row.hash
                  : content[column],
            ),
          ).join(',');
    }
  }

  /** Verifies the brand's chain as stored, a batch at a time. */
  async verify(ctx: RequestContext, brandId: string): Promise<ChainVerification> {
    const verifier = new ChainVerifier();
    for await (const row of this.events(ctx, brandId)) if (!verifier.add(storedLink(row))) break;
    return verifier.result();
  }
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
