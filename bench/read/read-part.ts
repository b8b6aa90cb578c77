import 'reflect-metadata';
import { createDatabase, dropDatabase, withDatabase } from '@standpoint/database';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiModule } from '../../apps/api/src/api.module';
// The harness's app and process helpers only: its index also holds Jest's hooks.
import { freePort, RunningProcess, runNode, stopProcesses } from '../../libs/testing/src/processes';
import { startTestApp, testEnvironment } from '../../libs/testing/src/test-app';
import type { TestDatabase } from '../../libs/testing/src/test-database';
import { BenchContext, BenchPart, BenchSection } from '../bench-report';
import { loadRound, RoundResult, ServerUnderTest } from './load-round';
import { PROPOSAL_PAGE_QUERY } from './proposal-page-query';
import { assertSameData, pageAnswer } from './same-answers';
import { seedBrand, SeededBrand } from './seed-brand';
import { statementsSent } from './statements-sent';

const TITLE = 'Read: a page of proposals, Standpoint against bare Apollo Server (PostgreSQL)';

const SIZES = {
  full: { proposals: 1000, roundPairs: 8, requestsPerRound: 300 },
  quick: { proposals: 200, roundPairs: 3, requestsPerRound: 100 },
};
/** Clients at once: enough to keep a server busy while the database answers another request. */
const CONCURRENCY = 8;

/** The built entry points, as runNode names them (from the checkout). */
const API_MAIN = 'dist/apps/api/src/main.js';
const BASELINE_MAIN = 'dist/bench/read/baseline-server.js';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value: number, digits: number) => +value.toFixed(digits);

const pageBody = (brandId: string, first: number) =>
  JSON.stringify({ query: PROPOSAL_PAGE_QUERY, variables: { brandId, first } });

/** A fresh database of its own on the server at `serverUrl`, migrated by the app that first opens it. */
async function freshDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `standpoint_bench_read_${randomBytes(4).toString('hex')}`;
  await createDatabase(serverUrl, name);
  const dataDir = mkdtempSync(join(tmpdir(), 'standpoint-bench-read-'));
  return {
    env: { DATABASE_URL: withDatabase(serverUrl, name) },
    dataDir,
    drop: async () => {
      await dropDatabase(serverUrl, name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * In development mode, in this process: the brand and its proposals, and the statements Standpoint
 * sends for a page of 5 and of 50 (counted by TypeORM's logger, nothing else running).
 */
async function seedAndCount(db: TestDatabase, count: number, context: BenchContext) {
  const t = await startTestApp(ApiModule, {}, { database: db });
  try {
    const seeded = await seedBrand(t, count, context.progress);
    const statements: Record<number, number> = {};
    for (const first of [5, 50]) {
      statements[first] = await statementsSent(t.dataSource, async () => {
        const answer = await t.gql(
          PROPOSAL_PAGE_QUERY,
          { brandId: seeded.brandId, first },
          seeded.token,
        );
        if (answer.errors)
          throw new Error(`the page of ${first}: ${JSON.stringify(answer.errors)}`);
      });
    }
    return { seeded, statements };
  } finally {
    await t.close();
  }
}

async function startServers(db: TestDatabase): Promise<{
  processes: RunningProcess[];
  standpoint: ServerUnderTest;
  baseline: ServerUnderTest;
}> {
  const [standpointPort, baselinePort] = [await freePort(), await freePort()];
  const env = testEnvironment(db, {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    SMTP_URL: 'smtp://127.0.0.1:9',
    PORT: String(standpointPort),
  });
  const standpointProcess = runNode(API_MAIN, [], env);
  const baselineProcess = runNode(BASELINE_MAIN, [], {
    NODE_ENV: 'production',
    DATABASE_URL: env.DATABASE_URL,
    JWT_SECRET: env.JWT_SECRET,
    PORT: String(baselinePort),
  });
  const processes = [standpointProcess, baselineProcess];
  try {
    await standpointProcess.healthy(`http://127.0.0.1:${standpointPort}`);
    await baselineProcess.waitForOutput(/baseline listening/, 30_000);
  } catch (error) {
    await stopProcesses(processes);
    throw error;
  }
  return {
    processes,
    standpoint: {
      name: 'Standpoint',
      graphqlUrl: `http://127.0.0.1:${standpointPort}/graphql`,
      pid: standpointProcess.child.pid!,
    },
    baseline: {
      name: 'baseline',
      graphqlUrl: `http://127.0.0.1:${baselinePort}/graphql`,
      pid: baselineProcess.child.pid!,
    },
  };
}

/** Both answer the same data for pages of 5, 20 and 50; answers the baseline's statement counts. */
async function checkSameAnswers(
  standpoint: ServerUnderTest,
  baseline: ServerUnderTest,
  { brandId, token }: SeededBrand,
): Promise<Record<number, number | undefined>> {
  const statements: Record<number, number | undefined> = {};
  for (const first of [5, 20, 50]) {
    const body = pageBody(brandId, first);
    const [ours, theirs] = [
      await pageAnswer(standpoint.graphqlUrl, body, token),
      await pageAnswer(baseline.graphqlUrl, body, token),
    ];
    assertSameData(ours, theirs, `proposals(first: ${first})`);
    statements[first] = theirs.statements;
  }
  return statements;
}

async function measure(context: BenchContext): Promise<BenchSection> {
  if (!context.postgresUrl) {
    context.progress('read: no PostgreSQL, left out');
    return { title: TITLE, figures: [], detail: { skipped: 'no PostgreSQL server' } };
  }
  const size = context.quick ? SIZES.quick : SIZES.full;
  const db = await freshDatabase(context.postgresUrl);
  try {
    context.progress(`read: making ${size.proposals} proposals`);
    const { seeded, statements } = await seedAndCount(db, size.proposals, context);
    const { processes, standpoint, baseline } = await startServers(db);
    try {
      const baselineStatements = await checkSameAnswers(standpoint, baseline, seeded);
      const body = pageBody(seeded.brandId, 20);
      const run = (server: ServerUnderTest, requests = size.requestsPerRound) =>
        loadRound(server, body, seeded.token, requests, CONCURRENCY);
      context.progress('read: warming up');
      await run(standpoint);
      await run(baseline);
      const pairs: { standpoint: RoundResult; baseline: RoundResult }[] = [];
      for (let i = 0; i < size.roundPairs; i++) {
        // Alternating who goes first, so that neither always meets the machine warmer.
        const [a, b] = i % 2 ? [baseline, standpoint] : [standpoint, baseline];
        const first = await run(a);
        const second = await run(b);
        pairs.push(
          i % 2 ? { standpoint: second, baseline: first } : { standpoint: first, baseline: second },
        );
        context.progress(`read: round pair ${i + 1} of ${size.roundPairs}`);
      }
      return section(pairs, statements, baselineStatements, size);
    } finally {
      await stopProcesses(processes);
    }
  } finally {
    await db.drop();
  }
}

function section(
  pairs: { standpoint: RoundResult; baseline: RoundResult }[],
  statements: Record<number, number>,
  baselineStatements: Record<number, number | undefined>,
  size: (typeof SIZES)['full'],
): BenchSection {
  const ratios = pairs.map(
    (pair) => pair.standpoint.requestsPerSecond / pair.baseline.requestsPerSecond,
  );
  const of = (server: 'standpoint' | 'baseline', figure: keyof RoundResult) =>
    median(pairs.map((pair) => pair[server][figure]));
  const spread = `${pairs.length} round pairs of ${size.requestsPerRound} requests, ${CONCURRENCY} at once`;
  return {
    title: TITLE,
    figures: [
      {
        name: 'Standpoint, proposals(first: 20)',
        value: round(of('standpoint', 'requestsPerSecond'), 1),
        unit: 'requests/s',
        note: `${size.proposals} proposals; ${spread}`,
      },
      {
        name: 'bare Apollo Server + pg + DataLoader, the same',
        value: round(of('baseline', 'requestsPerSecond'), 1),
        unit: 'requests/s',
      },
      {
        name: 'Standpoint / baseline',
        value: round(median(ratios), 2),
        unit: '×',
        target: { value: 0.85, better: 'higher' },
        note: `median of the round pairs; ${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}`,
      },
      {
        name: 'Standpoint server CPU per request',
        value: round(of('standpoint', 'cpuMsPerRequest'), 2),
        unit: 'ms',
        note: 'from /proc/<pid>/stat',
      },
      {
        name: 'baseline server CPU per request',
        value: round(of('baseline', 'cpuMsPerRequest'), 2),
        unit: 'ms',
      },
      ...[5, 50].map((first) => ({
        name: `SQL statements per request, first: ${first}`,
        value: statements[first],
        unit: 'statements',
        note: `baseline ${baselineStatements[first]}; TypeORM's logger, in process`,
      })),
    ],
    detail: {
      sizes: size,
      concurrency: CONCURRENCY,
      pairs,
      ratios,
      statements,
      baselineStatements,
    },
  };
}

export const readPart: BenchPart = { title: TITLE, measure };
