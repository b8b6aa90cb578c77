import {
  Fixtures,
  outboxRows,
  queueEmails,
  runNode,
  RunningProcess,
  SmtpPeer,
  startTestApp,
  TestApp,
  TestBrand,
  TestMember,
  waitFor,
} from '@standpoint/testing';
import { once } from 'node:events';
import { ApiModule } from '../apps/api/src/api.module';

/**
 * Worker processes built from dist (`npm run build` first) sending the outbox of a database the
 * test fills through the API's own services.
 */
describe('outbox worker processes', () => {
  // Real processes sending hundreds of emails on a machine shared with others.
  jest.setTimeout(180_000);

  let peer: SmtpPeer;
  let t: TestApp;
  let brand: TestBrand;
  let members: TestMember[];
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    t = await startTestApp(ApiModule);
    const fixtures = new Fixtures(t);
    brand = await fixtures.brand();
    members = [];
    for (let i = 0; i < 5; i++) members.push(await fixtures.member(brand.id, ['REVIEWER']));
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
    peer.received.length = 0;
    peer.delayMs = 0;
  });
  afterAll(async () => {
    await t?.close();
    await peer?.stop();
  });

  /** A worker process on the test's database, sending to the peer. */
  function startWorker(): RunningProcess {
    const { database, dataDir } = t.config;
    const worker = runNode('dist/apps/worker/src/main.js', [], {
      ...(database.dialect === 'postgres'
        ? { DATABASE_URL: database.url }
        : { SQLITE_PATH: database.path }),
      DATA_DIR: dataDir,
      JWT_SECRET: t.config.jwtSecret,
      LOG_LEVEL: 'info',
      SMTP_URL: peer.url,
      WORKER_INTERVAL_MS: '100',
      // No checkpoints while the emails are queued: on SQLite, the workers' seals of the brands'
      // chains (due a minute after their events) committing in a burst retried the test's own
      // transaction out of its attempts once, on Node 24 (database is locked).
      CHECKPOINT_INTERVAL_MS: '86400000',
      CHECKPOINT_EVERY_EVENTS: '1000000',
      OUTBOX_RETRY_BASE_MS: '50',
      // A short lease, so that a killed worker's messages are taken over soon. It must be at
      // least twice the send deadlines, which leave room for the peer sharing the test's process.
      OUTBOX_LEASE_MS: '10000',
      SMTP_DEADLINE_MS: '5000',
      WEBHOOK_DEADLINE_MS: '5000',
    });
    workers.push(worker);
    return worker;
  }

  async function allSent(ids: string[]): Promise<boolean> {
    return (await outboxRows(t, ids)).every((row) => row.status === 'SENT');
  }

  function waitUntilAllSent(ids: string[]): Promise<void> {
    return waitFor('every message to be sent', () => allSent(ids), {
      timeoutMs: 150_000,
      intervalMs: 200,
    });
  }

  it('delivers all of 500 emails after the worker is killed mid-send, any repeat with the Message-ID of its first delivery', async () => {
    const rows = await queueEmails(
      t,
      brand.id,
      members.map((m) => m.id),
      'test.crash',
      100,
    );
    expect(rows).toHaveLength(500);
    peer.delayMs = 5;

    const first = startWorker();
    await peer.waitUntil(() => peer.received.length >= 100);
    first.child.kill('SIGKILL');
    await first.exited;
    const beforeRestart = peer.received.length;
    expect(beforeRestart).toBeLessThan(500);

    const second = startWorker();
    await waitUntilAllSent(rows.map((r) => r.id));
    await peer.waitUntil(() => peer.byMessageId().size >= 500);

    // Exactly the rows' Message-IDs arrived: a resend never made a new one.
    const received = peer.byMessageId();
    expect([...received.keys()].sort()).toEqual(rows.map((r) => r.messageId).sort());
    for (const row of rows) {
      const copies = received.get(row.messageId)!;
      expect(new Set(copies.map((c) => c.to.join()))).toEqual(new Set([row.recipient]));
    }
    await second.waitForOutput(/Worker job outbox delivery handled/);
  });

  it('on SIGTERM, finishes or hands back what it holds: no message is left SENDING', async () => {
    const rows = await queueEmails(
      t,
      brand.id,
      members.map((m) => m.id),
      'test.stop',
      20,
    );
    peer.delayMs = 20;
    const worker = startWorker();
    await peer.waitUntil(() => peer.received.length >= 10);

    // 'close' comes once the output is read to its end, which 'exit' does not wait for.
    const closed = once(worker.child, 'close');
    worker.child.kill('SIGTERM');
    const exit = await worker.exited;
    await closed;

    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(worker.output()).toContain('Worker stopped');
    const left = await outboxRows(
      t,
      rows.map((r) => r.id),
    );
    expect(left.filter((row) => row.status === 'SENDING')).toEqual([]);
    expect(left.filter((row) => row.status === 'SENT').length).toBe(peer.byMessageId().size);
  });

  it('two workers never deliver the same message twice', async () => {
    // Both are polling before the rows appear, so they compete for every batch.
    await Promise.all([startWorker(), startWorker()].map((w) => w.waitForOutput(/Worker healthy/)));
    peer.delayMs = 10;
    const rows = await queueEmails(
      t,
      brand.id,
      members.map((m) => m.id),
      'test.pair',
      40,
    );

    await waitUntilAllSent(rows.map((r) => r.id));

    const received = peer.byMessageId();
    expect(rows.map((row) => received.get(row.messageId)?.length)).toEqual(rows.map(() => 1));
    expect([...received.values()].filter((copies) => copies.length > 1)).toEqual([]);
    // Both took part, so the claim was really contended. A worker logs its part once its run ends,
    // which can come after its last row is written SENT.
    await Promise.all(workers.map((worker) => worker.waitForOutput(/outbox delivery handled/)));
  });
});
