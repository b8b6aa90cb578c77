import { createDatabase, dropDatabase, withDatabase } from '@standpoint/database';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The harness's process helpers only: its index also holds Jest's hooks.
import {
  RunningProcess,
  runCommand,
  runNode,
  stopCommand,
  stopProcesses,
} from '../../libs/testing/src/processes';
import { BenchContext, BenchFigure, BenchPart, BenchSection } from '../bench-report';
import { cliCommands, commandMs } from './cli-commands';
import { settledResidentMiB } from './resident-memory';
import { repeated, Samples, spread } from './samples';
import { timedStart, timesToHealthy } from './time-to-healthy';

const TITLE = 'Start: node and npm start to healthy, the command line, idle memory';

const SETTINGS = {
  full: { runs: 5, settleMs: 10_000 },
  quick: { runs: 3, settleMs: 3_000 },
};

/** The issue's targets: an unchanged tree starts in 3 s, a command answers in 1.5 s, 200 MiB idle. */
const TARGET = {
  npmStartMs: { value: 3_000, better: 'lower' },
  commandMs: { value: 1_500, better: 'lower' },
  serverMiB: { value: 200, better: 'lower' },
} as const;

const ALL_IN_ONE = 'dist/src/main.js';
const API = 'dist/apps/api/src/main.js';
const WORKER = 'dist/apps/worker/src/main.js';

/** What tools/build-if-changed.js says when `npm start` compiles nothing. */
const UP_TO_DATE = 'the build is up to date';

const stopOne = (server: RunningProcess) => stopProcesses([server]);

/** A data directory and the SQLite file in it (SQLITE_PATH is ./data/… unless set). */
const sqliteIn = (dataDir: string) => ({
  DATA_DIR: dataDir,
  SQLITE_PATH: join(dataDir, 'standpoint.sqlite'),
});

/** One start after another on a new SQLite data directory each (migrated by the start). */
function newDataDirStarts(scratch: string, runs: number): Promise<Samples> {
  let run = 0;
  return timesToHealthy(
    runs,
    (port) =>
      runNode(ALL_IN_ONE, [], { ...sqliteIn(join(scratch, `new-${run++}`)), PORT: String(port) }),
    stopOne,
  );
}

/** The API instance's starts, each on a new PostgreSQL database of its own (migrated by the start). */
async function postgresApiStarts(serverUrl: string, runs: number): Promise<Samples> {
  return repeated(runs, async () => {
    const name = `standpoint_bench_start_${randomBytes(4).toString('hex')}`;
    await createDatabase(serverUrl, name);
    try {
      const env = { DATABASE_URL: withDatabase(serverUrl, name) };
      const { ms, server } = await timedStart((port) =>
        runNode(API, [], { ...env, PORT: String(port) }),
      );
      await stopOne(server);
      return ms;
    } finally {
      await dropDatabase(serverUrl, name);
    }
  });
}

/**
 * `npm start` as a developer types it again, nothing changed since the build `npm run bench` made:
 * the build's check, then the server. Also how many of the starts compiled (none should).
 */
async function npmStarts(
  env: Record<string, string>,
  runs: number,
): Promise<{ times: Samples; compiled: number }> {
  let compiled = 0;
  const times = await timesToHealthy(
    runs,
    (port) =>
      runCommand('npm', ['start'], { ...env, HOME: process.env.HOME ?? '', PORT: String(port) }),
    async (server) => {
      if (!server.output().includes(UP_TO_DATE)) compiled++;
      await stopCommand(server);
    },
  );
  return { times, compiled };
}

async function idleServerMiB(env: Record<string, string>, settleMs: number): Promise<number> {
  const { server } = await timedStart((port) =>
    runNode(ALL_IN_ONE, [], { ...env, PORT: String(port) }),
  );
  try {
    return await settledResidentMiB(server.child.pid!, settleMs);
  } finally {
    await stopOne(server);
  }
}

async function idleWorkerMiB(env: Record<string, string>, settleMs: number): Promise<number> {
  const worker = runNode(WORKER, [], { ...env, LOG_LEVEL: 'info' });
  try {
    await worker.waitForOutput(/Worker healthy/, 60_000);
    return await settledResidentMiB(worker.child.pid!, settleMs);
  } finally {
    await stopOne(worker);
  }
}

async function measure(context: BenchContext): Promise<BenchSection> {
  const { runs, settleMs } = context.quick ? SETTINGS.quick : SETTINGS.full;
  const scratch = mkdtempSync(join(tmpdir(), 'standpoint-bench-start-'));
  // The demo brand's data directory, migrated and seeded by the command line: a restart's case.
  const env = sqliteIn(join(scratch, 'demo'));
  const figures: BenchFigure[] = [];
  const samplesByFigure: Record<string, number[]> = {};
  const timed = (name: string, times: Samples, more: Partial<BenchFigure> = {}) => {
    samplesByFigure[name] = times.all;
    figures.push({ name, value: times.median, unit: 'ms', note: spread(times), ...more });
  };
  try {
    context.progress('start: node on a new SQLite data directory');
    timed('node dist/src/main.js → healthy (SQLite, new)', await newDataDirStarts(scratch, runs));

    for (const setup of [['migrate'], ['seed-demo']]) await commandMs(setup, env);
    context.progress('start: node and npm start on a migrated SQLite data directory');
    timed(
      'node dist/src/main.js → healthy (SQLite, migrated)',
      await timesToHealthy(
        runs,
        (port) => runNode(ALL_IN_ONE, [], { ...env, PORT: String(port) }),
        stopOne,
      ),
    );
    const npm = await npmStarts(env, runs);
    timed('npm start → healthy, nothing changed (SQLite)', npm.times, {
      target: TARGET.npmStartMs,
      note: `${spread(npm.times)}${npm.compiled ? `; ${npm.compiled} compiled first` : ''}`,
    });

    if (context.postgresUrl) {
      context.progress('start: the API instance on a new PostgreSQL database');
      timed(
        'API instance → healthy (PostgreSQL, new)',
        await postgresApiStarts(context.postgresUrl, runs),
      );
    }

    context.progress('start: idle memory');
    figures.push(
      {
        name: 'all-in-one server, resident memory when idle',
        value: await idleServerMiB(env, settleMs),
        unit: 'MiB',
        target: TARGET.serverMiB,
        note: `${settleMs / 1000} s after healthy (SQLite)`,
      },
      {
        name: 'worker, resident memory when idle',
        value: await idleWorkerMiB(env, settleMs),
        unit: 'MiB',
        note: `${settleMs / 1000} s after healthy (SQLite)`,
      },
    );

    context.progress('start: the command line');
    for (const command of cliCommands(env.DATA_DIR)) {
      const times = await repeated(runs, () => commandMs(command.args, env));
      timed(`standpoint ${command.name}`, times, { target: TARGET.commandMs });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { title: TITLE, figures, detail: { runs, settleMs, samplesByFigure } };
}

/** How long the processes take to start and what they hold when idle (issue 13's start targets). */
export const startPart: BenchPart = { title: TITLE, measure };
