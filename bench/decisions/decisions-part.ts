import { BenchContext, BenchFigure, BenchPart } from '../bench-report';
import { benchDatabase, BenchDialect, benchDialects, DIALECT_NAME } from '../bench-database';
// The harness's process helpers only: its index also holds Jest's hooks.
import { startApiProcesses, stopProcesses } from '../../libs/testing/src/processes';
import { testEnvironment } from '../../libs/testing/src/test-app';
import { LockWaiters, sampleAuditLockWaiters } from './audit-lock-waiters';
import { decideConcurrently } from './decide-concurrently';
import { decidedChain } from './decided-chain';
import { processCpuSeconds } from './process-cpu';
import { reviewQueue } from './review-queue';

/** Decisions in flight at a time, as the issue measured them. */
const CLIENTS = 16;

/**
 * Decisions per second on one brand (one audit chain): `count` proposals in review, CLIENTS clients
 * approving them through GraphQL against the built API process, then the check that every one is
 * stored with its audit event and that the chain verifies (the part fails when not).
 */
export async function decisionsOn(dialect: BenchDialect, context: BenchContext, count: number) {
  const database = await benchDatabase(dialect, context.postgresUrl);
  try {
    context.progress(`${DIALECT_NAME[dialect]}: ${count} proposals in review`);
    const queue = await reviewQueue(database, count);
    const env = testEnvironment(database);
    const { processes, urls } = await startApiProcesses(1, env);
    const api = processes[0].child.pid;
    let run;
    let cpuSeconds: number | undefined;
    let lockWaiters: LockWaiters | undefined;
    try {
      context.progress(`${DIALECT_NAME[dialect]}: ${CLIENTS} clients deciding`);
      const cpuBefore = processCpuSeconds(api);
      const sampler = env.DATABASE_URL ? await sampleAuditLockWaiters(env.DATABASE_URL) : undefined;
      run = await decideConcurrently(urls[0], queue.approverTokens, queue.proposals, CLIENTS);
      lockWaiters = await sampler?.stop();
      const cpuAfter = processCpuSeconds(api);
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpuSeconds = cpuAfter - cpuBefore;
    } finally {
      await stopProcesses(processes);
    }
    const chain = await decidedChain(env, { id: queue.brandId, slug: queue.brandSlug }, count);
    const problems: string[] = [
      ...Object.entries(run.failures).map(([said, n]) => `${n} decisions answered ${said}`),
      ...chain.problems,
    ];
    if (problems.length)
      throw new Error(`decisions on ${DIALECT_NAME[dialect]}: ${problems.join('; ')}`);
    const where = DIALECT_NAME[dialect];
    const figures: BenchFigure[] = [
      {
        name: `decisions/s, one brand (${where})`,
        value: Math.round(count / run.seconds),
        unit: 'decisions/s',
        ...(dialect === 'postgres' ? { target: { value: 300, better: 'higher' as const } } : {}),
        note: `${count} in ${run.seconds.toFixed(1)} s, ${CLIENTS} clients; ${chain.decisionEvents} events, chain verified`,
      },
    ];
    // What a decision costs the API process whatever else the machine runs: its ceiling, per core.
    if (cpuSeconds !== undefined)
      figures.push({
        name: `API process CPU per decision (${where})`,
        value: +((cpuSeconds * 1000) / count).toFixed(1),
        unit: 'ms',
      });
    if (lockWaiters)
      figures.push({
        name: `connections waiting for the audit lock (${where})`,
        value: lockWaiters.mean,
        unit: 'mean',
        note: `max ${lockWaiters.max}, ${lockWaiters.samples} samples`,
      });
    return {
      figures,
      detail: { count, clients: CLIENTS, seconds: run.seconds, cpuSeconds, lockWaiters, ...chain },
    };
  } finally {
    await database.drop();
  }
}

export const decisionsPart: BenchPart = {
  title: 'Decisions on one brand',
  async measure(context) {
    const count = context.quick ? 100 : 500;
    const figures: BenchFigure[] = [];
    const detail: Record<string, unknown> = {};
    for (const dialect of benchDialects(context.postgresUrl)) {
      const measured = await decisionsOn(dialect, context, count);
      figures.push(...measured.figures);
      detail[dialect] = measured.detail;
    }
    return { title: this.title, figures, detail };
  },
};
