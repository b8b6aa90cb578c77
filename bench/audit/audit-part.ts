import { join } from 'node:path';
import { Client } from 'pg';
import { BenchContext, BenchFigure, BenchPart, BenchSection } from '../bench-report';
import { growDemoChain } from './bulk-load';
import { ChainDatabase, chainDatabase } from './chain-database';
import { measuredProcess } from './measured-process';
import { StepResult } from './measured-step';

/** What the issue asks of the verification of a stored chain, on either database. */
const VERIFY_TARGET = { value: 100_000, better: 'higher' } as const;

const label = (events: number) =>
  events >= 1_000_000 ? `${events / 1_000_000}M` : `${events / 1_000}k`;
const mib = (value: number) => +value.toFixed(1);

/** Proofs made, and verified, per database and chain length. */
const PROOFS = 300;

/** Runs one measured step and checks that it saw the whole chain (or all its proofs), valid. */
async function step(
  args: string[],
  env: Record<string, string>,
  events: number,
): Promise<StepResult & { peakRssMiB: number; perSecond: number }> {
  const run = await measuredProcess(['dist/bench/audit/measured-step.js', ...args], env);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as StepResult;
  if (!result.valid || result.events !== events)
    throw new Error(
      `${args[0]} saw ${result.events} events, valid: ${result.valid}; expected ${events}, valid`,
    );
  return { ...result, peakRssMiB: run.peakRssMiB, perSecond: Math.round(events / result.seconds) };
}

async function analyze(database: ChainDatabase): Promise<void> {
  const client = new Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('ANALYZE audit_event');
  } finally {
    await client.end();
  }
}

/**
 * The audit chain at 100,000 and 1,000,000 events (100,000 with --quick), on SQLite and on
 * PostgreSQL: online verification (`audit verify`), on PostgreSQL right after the bulk load with
 * the planner's statistics stale and again after ANALYZE; the export (`audit export`); the offline
 * verification of that export (`audit verify-export`, once per size: it needs no database). Each
 * step runs in a process of its own whose peak memory (RSS) is reported.
 */
export const auditPart: BenchPart = {
  title: 'Audit chain: verification and export',
  async measure(context: BenchContext): Promise<BenchSection> {
    const sizes = context.quick ? [100_000] : [100_000, 1_000_000];
    const servers = context.postgresUrl ? [undefined, context.postgresUrl] : [undefined];
    const figures: BenchFigure[] = [];
    // Said as soon as measured: the whole section takes a quarter of an hour or more.
    const record = (...measured: BenchFigure[]) => {
      figures.push(...measured);
      for (const f of measured) context.progress(`  ${f.name}: ${f.value} ${f.unit}`);
    };
    const runs: Record<string, unknown>[] = [];
    for (const events of sizes) {
      let offlineDone = false;
      for (const server of servers) {
        const database = await chainDatabase(server);
        const where = `${label(events)}, ${database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`;
        try {
          context.progress(`loading ${where}`);
          const loadStarted = process.hrtime.bigint();
          await growDemoChain(database, events);
          const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
          record({
            name: `bulk load of sealed events (${where})`,
            value: Math.round(events / loadSeconds),
            unit: 'events/s',
            note: 'set-up, not the product',
          });

          const verifications: [string, StepResult & { peakRssMiB: number; perSecond: number }][] =
            [];
          const verify = async (when: string) => {
            context.progress(`verifying ${where}${when}`);
            const verified = await step(['verify', 'demo'], database.env, events);
            verifications.push([when, verified]);
            record({
              name: `audit verify (${where}${when})`,
              value: verified.perSecond,
              unit: 'events/s',
              target: VERIFY_TARGET,
              note: `peak ${mib(verified.peakRssMiB)} MiB`,
            });
          };
          if (database.dialect === 'postgres') {
            await verify(', not analysed');
            await analyze(database);
            await verify(', analysed');
          } else await verify('');

          // The bulk-loaded events follow the demo's sealed start: one checkpoint seals them all,
          // extending the Merkle tree and storing its subtrees for proofs.
          context.progress(`sealing ${where}`);
          const sealed = await step(['seal', 'demo'], database.env, events);
          record({
            name: `checkpoint of the unsealed chain (${where})`,
            value: +((sealed.seconds / events) * 1_000_000).toFixed(2),
            unit: 'ms per 1,000 events',
            note: `peak ${mib(sealed.peakRssMiB)} MiB`,
          });

          context.progress(`proving ${PROOFS} events of ${where}`);
          const proved = await step(['prove', 'demo', String(PROOFS)], database.env, PROOFS);
          record(
            {
              name: `proof of one event (${where})`,
              value: proved.perSecond,
              unit: 'proofs/s',
            },
            {
              name: `proof verified offline (${label(events)})`,
              value: Math.round(PROOFS / proved.verifySeconds!),
              unit: 'proofs/s',
            },
          );

          context.progress(`exporting ${where}`);
          const file = join(database.dataDir, 'export.ndjson');
          const exported = await step(['export', 'demo', file], database.env, events);
          record(
            { name: `audit export (${where})`, value: exported.perSecond, unit: 'events/s' },
            {
              name: `audit export, peak memory (${where})`,
              value: mib(exported.peakRssMiB),
              unit: 'MiB',
            },
          );

          const run: Record<string, unknown> = {
            events,
            dialect: database.dialect,
            loadSeconds,
            verifications,
            sealed,
            proved,
            exported,
          };
          if (!offlineDone) {
            context.progress(`verifying the export of ${where} offline`);
            const offline = await step(['verify-export', file], {}, events);
            record(
              {
                name: `audit verify-export (${label(events)}, no database)`,
                value: offline.perSecond,
                unit: 'events/s',
              },
              {
                name: `audit verify-export, peak memory (${label(events)})`,
                value: mib(offline.peakRssMiB),
                unit: 'MiB',
              },
            );
            run.offline = offline;
            offlineDone = true;
          }
          runs.push(run);
        } finally {
          await database.drop();
        }
      }
    }
    return { title: this.title, figures, detail: { runs } };
  },
};
