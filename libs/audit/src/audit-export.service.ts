import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { AuditEventEntity } from './audit-event.entity';
import { chainBatches } from './chain-events';
import { ChainProof, ChainProofResult } from './rules';
import { CheckpointsService } from './checkpoints.service';
import { checkpointLine, eventLine, headerLine } from './rules';
import { contentOf, storedLink } from './stored-link';

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
  constructor(private readonly checkpoints: CheckpointsService) {}

  count(ctx: RequestContext, brandId: string): Promise<number> {
    return ctx.em.countBy(AuditEventEntity, { brandId });
  }

  /**
   * The export's lines: NDJSON (a header, then one event per line) or CSV for reading, ending with
   * a checkpoint of the head exported, signed now and stored. The chain is verified against its
   * stored checkpoints as it is read: a broken chain is never signed, and the export fails.
   */
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
    const proof = await this.proof(ctx, brand.id);
    read: for await (const batch of chainBatches(ctx, brand.id))
      for (const row of batch) {
        const link = storedLink(row);
        if (!proof.add(link)) break read;
        const content = contentOf(row);
        yield format === 'ndjson'
          ? eventLine(content, row.hash, link.canonical)
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
    const proven = proof.result();
    if (!proven.valid)
      throw new Error(
        `the audit chain does not verify at sequence number ${proven.firstInvalidSeq} (${proven.reason}); no checkpoint signed`,
      );
    const { checkpoint } = await this.checkpoints.sign(ctx, brand.id, {
      size: proven.headSeq,
      headHash: proven.headHash,
    });
    const trailer = checkpointLine(checkpoint, this.checkpoints.publicKey().publicKeyPem);
    yield format === 'ndjson' ? trailer : `checkpoint,${csvCell(trailer)}`;
  }

  /**
   * Verifies the brand's chain as stored, a batch at a time, and holds it to every stored
   * checkpoint: a rewrite with every later hash recomputed is caught there. `onChecked` is told
   * how many events are checked so far.
   */
  async verify(
    ctx: RequestContext,
    brandId: string,
    onChecked?: (events: number) => void,
  ): Promise<ChainProofResult> {
    const proof = await this.proof(ctx, brandId);
    let checked = 0;
    read: for await (const batch of chainBatches(ctx, brandId))
      for (const row of batch) {
        if (!proof.add(storedLink(row))) break read;
        onChecked?.(++checked);
      }
    return proof.result();
  }

  private async proof(ctx: RequestContext, brandId: string): Promise<ChainProof> {
    const stored = await this.checkpoints.stored(ctx, brandId);
    return new ChainProof(stored, this.checkpoints.publicKey().publicKeyPem);
  }
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
