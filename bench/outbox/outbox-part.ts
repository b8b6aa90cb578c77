import { ApiModule } from '../../apps/api/src/api.module';
import { BenchContext, BenchFigure, BenchPart } from '../bench-report';
import { benchDatabase, BenchDialect, benchDialects, DIALECT_NAME } from '../bench-database';
// The harness's pieces only: its index also holds Jest's hooks.
import { Fixtures } from '../../libs/testing/src/fixtures';
import { queueEmails } from '../../libs/testing/src/outbox';
import { runNode, stopProcesses } from '../../libs/testing/src/processes';
import { SmtpPeer } from '../../libs/testing/src/smtp-peer';
import { startTestApp, testEnvironment } from '../../libs/testing/src/test-app';

const WORKERS = 2;
const RECIPIENTS = 5;

/**
 * Emails per second out of the outbox into a local SMTP peer, with WORKERS worker processes
 * competing for it, and how many arrived twice (one Message-ID seen more than once). The workers
 * are polling before the emails are queued, in one transaction, so the clock starts at its commit.
 */
async function measureOn(dialect: BenchDialect, context: BenchContext, emails: number) {
  const database = await benchDatabase(dialect, context.postgresUrl);
  const peer = await SmtpPeer.start();
  const t = await startTestApp(ApiModule, {}, { database });
  const workers = Array.from({ length: WORKERS }, () =>
    runNode(
      'dist/apps/worker/src/main.js',
      [],
      testEnvironment(database, {
        LOG_LEVEL: 'info',
        SMTP_URL: peer.url,
        WORKER_INTERVAL_MS: '100',
      }),
    ),
  );
  try {
    await Promise.all(workers.map((worker) => worker.waitForOutput(/Worker healthy/, 60_000)));
    const fixtures = new Fixtures(t);
    const brand = await fixtures.brand(`Bench outbox ${Date.now()}`);
    const members = [];
    for (let i = 0; i < RECIPIENTS; i++)
      members.push(await fixtures.member(brand.id, ['REVIEWER']));
    // Adding members emails nobody outside production, but whatever they sent is not counted.
    peer.received.length = 0;
    context.progress(`${DIALECT_NAME[dialect]}: ${emails} emails, ${WORKERS} workers`);
    const started = performance.now();
    await queueEmails(
      t,
      brand.id,
      members.map((m) => m.id),
      'test.bench',
      emails / RECIPIENTS,
    );
    await peer.waitUntil(() => peer.byMessageId().size >= emails, 300_000);
    const seconds = (performance.now() - started) / 1000;
    const duplicates = peer.received.length - peer.byMessageId().size;
    const figures: BenchFigure[] = [
      {
        name: `emails/s, ${WORKERS} workers (${DIALECT_NAME[dialect]})`,
        value: Math.round(emails / seconds),
        unit: 'emails/s',
        note: `${emails} in ${seconds.toFixed(1)} s`,
      },
      {
        name: `emails delivered twice (${DIALECT_NAME[dialect]})`,
        value: duplicates,
        unit: 'emails',
        target: { value: 0, better: 'lower' },
      },
    ];
    return { figures, detail: { emails, workers: WORKERS, seconds, duplicates } };
  } finally {
    await stopProcesses(workers);
    await t.close();
    await peer.stop();
    await database.drop();
  }
}

export const outboxPart: BenchPart = {
  title: 'Outbox delivery',
  async measure(context) {
    const emails = context.quick ? 200 : 1000;
    const figures: BenchFigure[] = [];
    const detail: Record<string, unknown> = {};
    for (const dialect of benchDialects(context.postgresUrl)) {
      const measured = await measureOn(dialect, context, emails);
      figures.push(...measured.figures);
      detail[dialect] = measured.detail;
    }
    return { title: this.title, figures, detail };
  },
};
