/**
 * How the audit export and its offline verification grow with the chain: for each size it seeds a
 * demo brand, appends that many events, runs `standpoint audit export` and `audit verify-export`
 * as processes and prints their peak memory (RSS) and time. Memory should stay flat as the chain
 * grows; the ratios within one run say so. It then flips one byte in the largest export and checks
 * that the verifier names that line.
 *
 *   npm run bench:audit-export                        # 10k, 30k and 100k events, SQLite
 *   npm run bench:audit-export -- 10000 1000000       # sizes of your choice
 *   BENCH_DATABASE_URL=postgres://… npm run bench:audit-export   # on PostgreSQL
 */
import {
  applyDialect,
  createDatabase,
  dataSourceOptions,
  dropDatabase,
  withDatabase,
} from '@standpoint/database';
import { AuditEventContent, AuditEventEntity, sealEvent } from '@standpoint/audit';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

const ROOT = join(__dirname, '..', '..');
const BATCH = 1_000;

interface Run {
  code: number | null;
  output: string;
  peakRssMiB: number;
  seconds: number;
}

function standpoint(args: string[], env: NodeJS.ProcessEnv): Run {
  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [
      '--require',
      join(ROOT, 'bench', 'peak-memory.js'),
      join(ROOT, 'bin', 'standpoint.js'),
      ...args,
    ],
    { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const output = `${run.stdout}${run.stderr}`;
  const peak = /peak-rss-kib (\d+)/.exec(run.stderr);
  return { code: run.status, output, peakRssMiB: peak ? Number(peak[1]) / 1024 : NaN, seconds };
}

/** A database of its own for one size: a SQLite file, or a new PostgreSQL database. */
async function provision(
  dataDir: string,
): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL;
  const base = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  if (!server)
    return { env: { ...base, SQLITE_PATH: join(dataDir, 'bench.sqlite') }, drop: async () => {} };
  const name = `standpoint_bench_${randomBytes(4).toString('hex')}`;
  await createDatabase(server, name);
  return {
    env: { ...base, DATABASE_URL: withDatabase(server, name) },
    drop: () => dropDatabase(server, name),
  };
}

/** Appends `count` events to the demo brand's chain, sealed exactly as the application seals them. */
async function appendEvents(env: NodeJS.ProcessEnv, count: number): Promise<void> {
  const database = env.DATABASE_URL
    ? ({ dialect: 'postgres', url: env.DATABASE_URL } as const)
    : ({ dialect: 'sqlite', path: env.SQLITE_PATH! } as const);
  applyDialect(database.dialect);
  const dataSource = await new DataSource({
    ...dataSourceOptions(database),
    logging: false,
    entities: [AuditEventEntity],
  }).initialize();
  try {
    const events = dataSource.getRepository(AuditEventEntity);
    const brand = (await dataSource.query("SELECT id FROM brand WHERE slug = 'demo'")) as {
      id: string;
    }[];
    let head = await events.findOneOrFail({
      where: { brandId: brand[0].id },
      order: { seq: 'DESC' },
    });
    for (let done = 0; done < count; done += BATCH) {
      const rows: AuditEventEntity[] = [];
      for (let i = 0; i < Math.min(BATCH, count - done); i++) {
        const at = new Date(head.at.getTime() + 1000);
        const content: AuditEventContent = {
          brandId: head.brandId,
          seq: head.seq + 1,
          at: at.toISOString(),
          actorId: null,
          actorLabel: 'system',
          action: 'bench.event',
          entityType: 'bench',
          entityId: `bench-${head.seq + 1}`,
          data: { note: 'an event of the export benchmark', n: head.seq + 1 },
          prevHash: head.hash,
        };
        head = { id: `aud_bench_${content.seq}`, ...content, at, ...sealEvent(content) };
        rows.push(head);
      }
      await dataSource.transaction((em) => em.insert(AuditEventEntity, rows));
    }
  } finally {
    await dataSource.destroy();
  }
}

function check(run: Run, what: string): Run {
  if (run.code !== 0) throw new Error(`${what} failed (exit ${run.code}):\n${run.output}`);
  return run;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  const counts = sizes.length > 0 ? sizes : [10_000, 30_000, 100_000];
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('sizes are event counts');
  const where = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
  process.stdout.write(`audit export and offline verification, ${where}, peak RSS per process\n\n`);
  process.stdout.write('  events   export MiB   export s   verify MiB   verify s   file MiB\n');
  const results: { events: number; exportMiB: number; verifyMiB: number; file: string }[] = [];
  const dirs: string[] = [];
  try {
    for (const count of counts) {
      const dataDir = mkdtempSync(join(tmpdir(), 'standpoint-bench-'));
      dirs.push(dataDir);
      const db = await provision(dataDir);
      try {
        check(standpoint(['seed-demo'], db.env), 'seed-demo');
        await appendEvents(db.env, count);
        const file = join(dataDir, 'demo.ndjson');
        const exported = check(
          standpoint(['audit', 'export', '--brand', 'demo', '--output', file], db.env),
          'export',
        );
        const verified = check(standpoint(['audit', 'verify-export', file], {}), 'verify-export');
        const sizeMiB = statSync(file).size / 2 ** 20;
        results.push({
          events: count,
          exportMiB: exported.peakRssMiB,
          verifyMiB: verified.peakRssMiB,
          file,
        });
        process.stdout.write(
          `${String(count).padStart(8)}   ${exported.peakRssMiB.toFixed(1).padStart(10)}   ${exported.seconds.toFixed(1).padStart(8)}   ${verified.peakRssMiB.toFixed(1).padStart(10)}   ${verified.seconds.toFixed(1).padStart(8)}   ${sizeMiB.toFixed(1).padStart(8)}\n`,
        );
      } finally {
        await db.drop();
      }
    }
    const [first, last] = [results[0], results.at(-1)!];
    process.stdout.write(
      `\n${(last.events / first.events).toFixed(1)}x the events: ${(last.exportMiB / first.exportMiB).toFixed(2)}x the export's peak memory, ${(last.verifyMiB / first.verifyMiB).toFixed(2)}x the verifier's\n`,
    );

    // One flipped byte in the middle of the largest export must be named at its line.
    const lines = readFileSync(last.file, 'utf8').split('\n');
    const target = Math.floor(lines.length / 2);
    const at = lines[target].indexOf('"note":"') + 8;
    lines[target] = `${lines[target].slice(0, at)}N${lines[target].slice(at + 1)}`;
    const tampered = join(dirs.at(-1)!, 'tampered.ndjson');
    writeFileSync(tampered, lines.join('\n'));
    const broken = standpoint(['audit', 'verify-export', tampered], {});
    const named = broken.output.includes(`line ${target + 1}:`);
    process.stdout.write(
      `one byte flipped on line ${target + 1} of ${last.events} events: exit ${broken.code}, ${named ? 'reported at that line' : `NOT reported at that line:\n${broken.output}`}\n`,
    );
    if (broken.code === 0 || !named) process.exitCode = 1;
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
