import { BenchContext, BenchFigure, BenchPart } from '../bench-report';
import { benchDatabase, BenchDialect, benchDialects, DIALECT_NAME } from '../bench-database';
// The harness's process helpers only: its index also holds Jest's hooks.
import { startApiProcesses, stopProcesses } from '../../libs/testing/src/processes';
import { testEnvironment } from '../../libs/testing/src/test-app';
import { decideConcurrently } from './decide-concurrently';
import { decidedChain } from './decided-chain';
import { reviewQueue } from './review-queue';

/** Decisions in flight at a time, as the issue measured them. */
const CLIENTS = 16;

/**
 * Decisions per second on one brand (one audit chain): `count` proposals in review, CLIENTS clients
 * approving them through GraphQL against the built API process, then the check that every one is
 * stored with its audit event and that the chain verifies (the part fails when not).
 */
async function measureOn(dialect: BenchDialect, context: BenchContext, count: number) {
  const database = await benchDatabase(dialect, context.postgresUrl);
  try {
    context.progress(`${DIALECT_NAME[dialect]}: ${count} proposals in review`);
    const queue = await reviewQueue(database, count);
    const env = testEnvironment(database);
    const { processes, urls } = await startApiProcesses(1, env);
    let run;
    try {
      context.progress(`${DIALECT_NAME[dialect]}: ${CLIENTS} clients deciding`);
      run = await decideConcurrently(urls[0], queue.approverTokens, queue.proposals, CLIENTS);
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
    const figure: BenchFigure = {
      name: `decisions/s, one brand (${DIALECT_NAME[dialect]})`,
      value: Math.round(count / run.seconds),
      unit: 'decisions/s',
      ...(dialect === 'postgres' ? { target: { value: 300, better: 'higher' as const } } : {}),
      note: `${count} in ${run.seconds.toFixed(1)} s, ${CLIENTS} clients; ${chain.decisionEvents} events, chain verified`,
    };
    return { figure, detail: { count, clients: CLIENTS, seconds: run.seconds, ...chain } };
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
      const measured = await measureOn(dialect, context, count);
      figures.push(measured.figure);
      detail[dialect] = measured.detail;
    }
    return { title: this.title, figures, detail };
  },
};
