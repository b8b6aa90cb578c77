import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditExportService, ExportFormat } from '@standpoint/audit';
import { configOrExit } from '@standpoint/config';
import { RequestContext } from '@standpoint/database';
import { BrandEntity } from '@standpoint/identity';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';
import { count, terminalProgress } from './progress';

/** Runs `work` in the command-line application, for the brand with this slug. */
export async function withBrand<T>(
  slug: string,
  work: (app: INestApplicationContext, ctx: RequestContext, brand: BrandEntity) => Promise<T>,
): Promise<T> {
  configOrExit();
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const ctx = RequestContext.system(app.get(DataSource));
    const brand = await ctx.em.findOneBy(BrandEntity, { slug });
    if (!brand) throw new Error(`no brand has the slug "${slug}"`);
    return await work(app, ctx, brand);
  } finally {
    await app.close();
  }
}

/** `standpoint audit verify --brand <slug>`: checks the chain as stored; exit 1 when it is broken. */
export async function auditVerifyCommand(options: { brand: string }): Promise<void> {
  const result = await withBrand(options.brand, async (app, ctx, brand) => {
    const exporter = app.get(AuditExportService);
    const total = count(await exporter.count(ctx, brand.id));
    const progress = terminalProgress((n) => `checked ${count(n)}/${total} events`);
    let checked = 0;
    const verified = await exporter.verify(ctx, brand.id, (n) => progress.update((checked = n)));
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
  }
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
