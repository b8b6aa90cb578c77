import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditExportService, ExportFormat, verifyExport } from '@standpoint/audit';
import { configOrExit } from '@standpoint/config';
import { RequestContext } from '@standpoint/database';
import { BrandEntity } from '@standpoint/identity';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';

async function withBrand<T>(
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
  const result = await withBrand(options.brand, (app, ctx, brand) =>
    app.get(AuditExportService).verify(ctx, brand.id),
  );
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
    const progress = process.stderr.isTTY
      ? (done: number) => process.stderr.write(`\rexported ${done}/${total} events`)
      : () => {};
    let done = -1;
    for await (const line of exporter.lines(
      ctx,
      brand,
      options.format as ExportFormat,
      new Date(),
    )) {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      if (++done % 1000 === 0) progress(done);
    }
    progress(total);
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (options.output) {
      out.end();
      await once(out, 'finish');
    }
  });
}

/**
 * `standpoint audit verify-export <file> [--public-key <file or URL>]`: verifies an NDJSON export
 * with no database, its closing checkpoint with the key it carries or with a trusted one.
 */
export async function auditVerifyExportCommand(
  file: string,
  options: { publicKey?: string },
): Promise<void> {
  const trustedPublicKeyPem = options.publicKey
    ? publicKeyPemOf(await readKeySource(options.publicKey))
    : undefined;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const result = await verifyExport(lines, { trustedPublicKeyPem });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stderr.write(
    options.publicKey
      ? `Checkpoint signature checked with the trusted key ${options.publicKey}.\n`
      : 'Checkpoint signature checked with the public key carried in the export; pass --public-key to check it against a key you trust.\n',
  );
  if (!result.valid) {
    process.stderr.write(`${file}: line ${result.firstBadLine}: ${result.reason}\n`);
    process.exitCode = 1;
  }
}

async function readKeySource(source: string): Promise<string> {
  if (!/^https?:\/\//.test(source)) return readFileSync(source, 'utf8');
  const response = await fetch(source);
  if (!response.ok) throw new Error(`${source} answered ${response.status}`);
  return response.text();
}

/** A PEM public key, as a file or as the JSON of GET /audit/public-key. */
function publicKeyPemOf(text: string): string {
  if (text.trimStart().startsWith('{')) {
    const served = JSON.parse(text) as { publicKey?: unknown };
    if (typeof served.publicKey === 'string') return served.publicKey;
  }
  if (text.includes('-----BEGIN PUBLIC KEY-----')) return text;
  throw new Error(
    '--public-key is neither a PEM public key nor the answer of GET /audit/public-key',
  );
}
