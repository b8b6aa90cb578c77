import { INestApplicationContext } from '@nestjs/common';
import {
  AuditEventEntity,
  AuditExportService,
  AuditProofsService,
  CheckpointsService,
  ExportFormat,
} from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { BrandEntity } from '@standpoint/identity';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { count, terminalProgress } from './progress';
import { withApplication } from './with-application';

/** Runs `work` in the command-line application, for the brand with this slug. */
export function withBrand<T>(
  slug: string,
  work: (app: INestApplicationContext, ctx: RequestContext, brand: BrandEntity) => Promise<T>,
): Promise<T> {
  return withApplication(async (app, ctx) => {
    const brand = await ctx.em.findOneBy(BrandEntity, { slug });
    if (!brand) throw new Error(`no brand has the slug "${slug}"`);
    return work(app, ctx, brand);
  });
}

/**
 * `standpoint audit verify --brand <slug> [--witness-file <file>]`: checks the chain as stored
 * against its checkpoints (and a witness's); exit 1 when it is broken or has no checkpoint.
 */
export async function auditVerifyCommand(options: {
  brand: string;
  witnessFile?: string;
}): Promise<void> {
  const witnessNotes = options.witnessFile && readFileSync(options.witnessFile, 'utf8');
  const result = await withBrand(options.brand, async (app, ctx, brand) => {
    const exporter = app.get(AuditExportService);
    const total = count(await exporter.count(ctx, brand.id));
    const progress = terminalProgress((n) => `checked ${count(n)}/${total} events`);
    let checked = 0;
    const verified = await exporter.verify(ctx, brand.id, {
      onChecked: (n) => progress.update((checked = n)),
      ...(witnessNotes !== undefined ? { witnessNotes } : {}),
    });
    progress.end(checked);
    return verified;
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (!result.valid) {
    const at = result.failedCheckpoint
      ? `, against the checkpoint of ${result.failedCheckpoint.size} events signed at ${result.failedCheckpoint.signedAt}`
      : '';
    process.stderr.write(
      `The chain breaks at sequence number ${result.firstInvalidSeq}${at}: ${result.reason}.\n`,
    );
    process.exitCode = 1;
  } else if (result.unsealedEvents > 0) {
    process.stderr.write(
      `Sealed up to event ${result.sealedSeq}; the ${result.unsealedEvents} events after it are not signed yet (the worker signs them within CHECKPOINT_INTERVAL_MS).\n`,
    );
  }
}

/**
 * `standpoint audit seal --brand <slug> [--accept-unsealed-history]`: signs a checkpoint of the
 * chain now, as the worker would. A chain days old with no checkpoint at all is signed only with
 * the flag: its checkpoints were removed, and the operator vouches for what the database holds.
 */
export async function auditSealCommand(options: {
  brand: string;
  acceptUnsealedHistory?: boolean;
}): Promise<void> {
  const checkpoint = await withBrand(options.brand, (app, ctx, brand) =>
    app
      .get(CheckpointsService)
      .seal(ctx, brand.id, undefined, { acceptUnsealedHistory: options.acceptUnsealedHistory }),
  );
  if (!checkpoint)
    throw new Error(
      'no checkpoint signed: the chain is empty, does not verify, or lost its checkpoints (see the error above)',
    );
  process.stdout.write(`${JSON.stringify(checkpoint)}\n`);
}

/** `standpoint audit prove --event <id> [--output <file>]`: the proof file of one event. */
export async function auditProveCommand(options: {
  event: string;
  output?: string;
}): Promise<void> {
  const proof = await withApplication(async (app, ctx) => {
    const event = await ctx.em.findOneBy(AuditEventEntity, { id: options.event });
    if (!event) throw new Error(`no audit event has the id "${options.event}"`);
    return app.get(AuditProofsService).inclusion(ctx, event);
  });
  writeProof(proof.file, options.output);
}

/**
 * `standpoint audit prove-consistency --brand <slug> --checkpoint <file> [--output <file>]`: the
 * proof that the brand's log today extends a checkpoint kept earlier (its signed note).
 */
export async function auditProveConsistencyCommand(options: {
  brand: string;
  checkpoint: string;
  output?: string;
}): Promise<void> {
  const note = readFileSync(options.checkpoint, 'utf8');
  const proof = await withBrand(options.brand, (app, ctx, brand) =>
    app.get(AuditProofsService).consistency(ctx, brand.id, note),
  );
  writeProof(proof.file, options.output);
}

function writeProof(file: string, output: string | undefined): void {
  if (output) writeFileSync(output, file, { flag: 'wx' });
  else process.stdout.write(file);
}

/** `standpoint audit export --brand <slug> [--format ndjson|csv] [--output <file>]`, streamed. */
export async function auditExportCommand(options: {
  brand: string;
  format: string;
  output?: string;
}): Promise<void> {
  if (options.format !== 'ndjson' && options.format !== 'csv')
    throw new Error('--format is ndjson or csv');
  await withBrand(options.brand, async (app, ctx, brand) => {
    const exporter = app.get(AuditExportService);
    const total = await exporter.count(ctx, brand.id);
    const out: Writable = options.output ? createWriteStream(options.output) : process.stdout;
    const progress = terminalProgress((n) => `exported ${count(n)}/${count(total)} events`);
    await writeExport(exporter.lines(ctx, brand, options.format as ExportFormat, new Date()), out, {
      onLine: (n) => progress.update(n - 1), // the header line is no event
    });
    progress.end(total);
    if (options.output) {
      out.end();
      await once(out, 'finish');
    }
  });
}

/** Writes an export's lines to `out`, waiting whenever it asks to: memory stays flat. */
export async function writeExport(
  lines: AsyncIterable<string>,
  out: Writable,
  options: { onLine?: (written: number) => void } = {},
): Promise<number> {
  let written = 0;
  for await (const line of lines) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    written++;
    options.onLine?.(written);
  }
  return written;
}
