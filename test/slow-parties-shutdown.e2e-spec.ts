import {
  outboxOf,
  outboxRows,
  runNode,
  TricklingReceiver,
  useTestApp,
  waitFor,
} from '@standpoint/testing';
import { ApiModule } from '../apps/api/src/api.module';

/** A worker process built from dist (`npm run build` first), stopped while a receiver trickles. */
describe('a worker process stopped while a webhook receiver trickles', () => {
  jest.setTimeout(60_000);
  const DEADLINE_MS = 2_000;
  const app = useTestApp(ApiModule, { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
  let receiver: TricklingReceiver;

  beforeAll(async () => {
    receiver = await TricklingReceiver.start(200);
  });
  afterAll(() => receiver?.close());

  it('finishes on SIGTERM once the delivery in flight reaches its deadline, leaving it to retry', async () => {
    const brand = await app.fixtures.brand();
    const admin = await app.fixtures.member(brand.id, ['ADMIN']);
    await app.data(
      `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }`,
      {
        input: {
          brandId: brand.id,
          url: `${receiver.url}/slow-head`,
          eventTypes: ['FREEZE_STARTED'],
        },
      },
      admin.token,
    );
    await app.data(
      `mutation ($input: StartContentFreezeInput!) { startContentFreeze(input: $input) { id } }`,
      { input: { brandId: brand.id, reason: 'Storm' } },
      admin.token,
    );
    const [row] = (await outboxOf(app.t, brand.id)).filter((r) => r.channel === 'WEBHOOK');
    const { database, dataDir, jwtSecret } = app.t.config;
    const worker = runNode('dist/apps/worker/src/main.js', [], {
      ...(database.dialect === 'postgres'
        ? { DATABASE_URL: database.url }
        : { SQLITE_PATH: database.path }),
      DATA_DIR: dataDir,
      JWT_SECRET: jwtSecret,
      LOG_LEVEL: 'info',
      WORKER_INTERVAL_MS: '100',
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_DEADLINE_MS: String(DEADLINE_MS),
    });
    let exited = false;
    void worker.exited.then(() => (exited = true));
    try {
      await waitFor('the receiver to be trickling', () => receiver.to('/slow-head').length === 1);

      const stoppedAt = Date.now();
      worker.child.kill('SIGTERM');
      await waitFor('the worker to stop', () => exited, { timeoutMs: 5 * DEADLINE_MS });

      // It waited for the delivery in flight, which its deadline ended, and no longer.
      expect((Date.now() - stoppedAt) / DEADLINE_MS).toBeLessThan(2);
      expect(worker.output()).toContain('Worker stopped');
      expect((await outboxRows(app.t, [row.id]))[0]).toMatchObject({
        status: 'PENDING',
        attempts: 1,
        lastError: `the webhook receiver did not finish within ${DEADLINE_MS} ms`,
      });
      expect(receiver.to('/slow-head')[0].closedAt).toBeDefined();
    } finally {
      if (!exited) worker.child.kill('SIGKILL');
    }
  });
});
