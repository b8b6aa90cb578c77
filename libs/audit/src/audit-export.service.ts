import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { AuditEventEntity } from './audit-event.entity';
import { chainBatches } from './chain-events';
import {
  ChainProof,
  ChainProofResult,
  checkpointLine,
  eventLine,
  headerLine,
  publishedKeys,
  witnessedCheckpoints,
} from './rules';
import { CheckpointsService } from './checkpoints.service';
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
   * The export's lines: NDJSON (a header with the key ring, then one event per line, each stored
   * checkpoint after the event at its size) or CSV for reading, ending with a checkpoint of the
   * head exported, signed now if none is stored. The chain is verified against its stored
   * checkpoints as it is read: a broken chain is never signed, and the export fails.
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
        publicKeys: publishedKeys(this.checkpoints.ring),
      });
    else yield CSV_COLUMNS.join(',');
    const stored = await this.checkpoints.stored(ctx, brand.id);
    const bySize = new Map(stored.map((checkpoint) => [checkpoint.size, checkpoint]));
    const proof = new ChainProof(stored, this.checkpoints.ring);
    let broken = false;
    read: for await (const batch of chainBatches(ctx, brand.id))
      for (const row of batch) {
        const link = storedLink(row);
        if (!proof.add(link)) {
          broken = true;
          break read;
        }
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
        const checkpoint = bySize.get(row.seq);
        if (checkpoint && format === 'ndjson') yield checkpointLine(checkpoint);
      }
    const proven = proof.result();
    if (broken || proven.failedCheckpoint)
      throw new Error(
        `the audit chain does not verify at sequence number ${proven.firstInvalidSeq} (${proven.reason}); no checkpoint signed`,
      );
    const closing = await this.checkpoints.seal(ctx, brand.id, proven.headSeq);
    if (!closing) throw new Error('the audit chain could not be sealed; no checkpoint signed');
    if (format === 'csv') yield `checkpoint,${csvCell(checkpointLine(closing))}`;
    else if (!bySize.has(closing.size)) yield checkpointLine(closing);
  }

  /**
   * Verifies the brand's chain as stored, a batch at a time, and holds it to every stored
   * checkpoint (and to the checkpoints a witness kept, if given): a rewrite with every later hash
   * recomputed is caught there. `onChecked` is told how many events are checked so far.
   */
  async verify(
    ctx: RequestContext,
    brandId: string,
    options: { onChecked?: (events: number) => void; witnessNotes?: string } = {},
  ): Promise<ChainProofResult> {
    const stored = await this.checkpoints.stored(ctx, brandId);
    const witnessed =
      options.witnessNotes === undefined
        ? []
        : witnessedCheckpoints(options.witnessNotes, brandId, this.checkpoints.ring);
    const proof = new ChainProof(stored, this.checkpoints.ring, witnessed);
    let checked = 0;
    read: for await (const batch of chainBatches(ctx, brandId))
      for (const row of batch) {
        if (!proof.add(storedLink(row))) break read;
        options.onChecked?.(++checked);
      }
    return proof.result();
  }
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
