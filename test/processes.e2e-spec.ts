import {
  freePort,
  postGraphQL,
  provisionTestDatabase,
  runNode,
  TEST_ADMIN,
  testEnvironment,
  TestDatabase,
} from '@standpoint/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built processes, started as an operator starts them (`npm test` builds first). */
describe('the processes', () => {
  // Each test starts real processes (several, for the command line): slow on a loaded machine.
  jest.setTimeout(180_000);

  let db: TestDatabase;
  beforeEach(async () => {
    db = await provisionTestDatabase();
  });
  afterEach(() => db.drop());

  it('starts the all-in-one server on a fresh SQLite file with nothing else, and the bootstrap admin signs in (SQLite only)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'standpoint-fresh-'));
    const port = await freePort();
    const server = runNode('dist/src/main.js', [], {
      DATA_DIR: dataDir,
      SQLITE_PATH: join(dataDir, 'nested', 'standpoint.sqlite'),
      PORT: String(port),
      STANDPOINT_ADMIN_EMAIL: TEST_ADMIN.email,
      STANDPOINT_ADMIN_PASSWORD: TEST_ADMIN.password,
    });
    try {
      const health = await server.healthy(`http://127.0.0.1:${port}`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const login = await postGraphQL(
        `http://127.0.0.1:${port}`,
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { user { email } } }',
        { e: TEST_ADMIN.email, p: TEST_ADMIN.password },
      );
      expect(login.data).toEqual({ login: { user: { email: TEST_ADMIN.email } } });
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(server.output()).toMatch(/"correlationId"/);
    expect(server.output()).not.toContain(TEST_ADMIN.password);
  });

  it('stops with exit code 1 and names every bad variable', async () => {
    const server = runNode('dist/src/main.js', [], {
      ...testEnvironment(db),
      PORT: 'abc',
      DATABASE_URL: 'mysql://nope',
      NODE_ENV: 'production',
      JWT_SECRET: '',
    });
    expect((await server.exited).code).toBe(1);
    const lines = server.output().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\s+PORT must be an integer/),
        expect.stringMatching(/^\s+DATABASE_URL must be a postgres:\/\/ URL/),
        expect.stringMatching(/^\s+JWT_SECRET is required when NODE_ENV=production/),
      ]),
    );
  });

  it('runs an API instance that serves /health and GraphQL', async () => {
    const port = await freePort();
    const api = runNode('dist/apps/api/src/main.js', [], {
      ...testEnvironment(db),
      PORT: String(port),
    });
    try {
      await api.healthy(`http://127.0.0.1:${port}`);
      // Every feature is wired in: an unauthenticated query of each is refused, not unknown.
      for (const query of ['{ viewer { id } }', '{ proposals(brandId: "brd_x") { totalCount } }']) {
        const response = await postGraphQL(`http://127.0.0.1:${port}`, query);
        expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  });

  it('runs a worker that reports its health in the log and stops cleanly on SIGTERM', async () => {
    const worker = runNode('dist/apps/worker/src/main.js', [], {
      ...testEnvironment(db),
      LOG_LEVEL: 'info',
    });
    await worker.waitForOutput(/Worker healthy/);
    worker.child.kill('SIGTERM');
    const exit = await worker.exited;
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(worker.output()).toContain('Worker stopped');
  });

  it('migrates with `standpoint migrate` and seeds a demo brand, with a sample proposal, whose printed passwords work', async () => {
    const env = testEnvironment(db);
    const migrate = runNode('bin/standpoint.js', ['migrate'], env);
    expect((await migrate.exited).code).toBe(0);
    expect(migrate.output()).toMatch(/Applied \d+ migration|Already up to date/);

    const again = runNode('bin/standpoint.js', ['migrate'], env);
    expect((await again.exited).code).toBe(0);
    expect(again.output()).toContain('Already up to date');

    const seed = runNode('bin/standpoint.js', ['seed-demo'], env);
    expect((await seed.exited).code).toBe(0);
    const manager = /^\s+SOCIAL_MANAGER\s+(\S+)\s+(\S+)$/m.exec(seed.output());
    expect(manager).not.toBeNull();
    for (const role of [
      'ADMIN',
      'SOCIAL_MANAGER',
      'CONTRIBUTOR',
      'REVIEWER',
      'APPROVER',
      'AUDITOR',
    ]) {
      expect(seed.output()).toMatch(new RegExp(`^\\s+${role}\\s`, 'm'));
    }

    const seedAgain = runNode('bin/standpoint.js', ['seed-demo'], env);
    expect((await seedAgain.exited).code).toBe(0);
    expect(seedAgain.output()).toContain('exists already');

    const port = await freePort();
    const server = runNode('dist/src/main.js', [], { ...env, PORT: String(port) });
    try {
      await server.healthy(`http://127.0.0.1:${port}`);
      const url = `http://127.0.0.1:${port}`;
      const login = await postGraphQL<{ login: { token: string } }>(
        url,
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: manager![1], p: manager![2] },
      );
      const brands = await postGraphQL(
        url,
        '{ brands { slug members { roles } } }',
        {},
        login.data?.login.token,
      );
      expect(brands.data?.brands).toEqual([
        { slug: 'demo', members: expect.arrayContaining([{ roles: ['AUDITOR'] }]) },
      ]);
      expect(brands.data?.brands[0].members).toHaveLength(6);
      const sample = await postGraphQL(
        url,
        '{ brands { approvalPolicy { version } proposals { totalCount edges { node { title state riskScore evidence { kind } recommendation { recommendation } } } } } }',
        {},
        login.data?.login.token,
      );
      expect(sample.data?.brands[0].approvalPolicy).toEqual({ version: 1 });
      expect(sample.data?.brands[0].proposals).toEqual({
        totalCount: 1,
        edges: [
          {
            node: {
              title: 'Speak up for Pride month',
              state: 'DRAFT',
              riskScore: 12,
              evidence: [{ kind: 'SURVEY_STAT' }, { kind: 'PEER_BRAND_EXAMPLE' }],
              recommendation: { recommendation: 'PROCEED_WITH_CHANGES' },
            },
          },
        ],
      });
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
