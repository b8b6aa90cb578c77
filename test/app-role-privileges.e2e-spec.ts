import {
  createDatabase,
  dropDatabase,
  withDatabase,
} from '../libs/database/src/postgres-databases';
import {
  provisionTestDatabase,
  runNode,
  TEST_DATABASE_URL,
  testEnvironment,
  TestDatabase,
} from '@standpoint/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

const standpoint = async (args: string[], env: Record<string, string>) => {
  const cli = runNode('bin/standpoint.js', args, env);
  return { ...(await cli.exited), output: cli.output() };
};

/**
 * The PostgreSQL layout in which the application cannot rewrite history: the migrating role owns
 * the tables, the application role may add and read audit rows but not change or remove them.
 */
const onPostgres = TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('a separate application role on PostgreSQL', () => {
  jest.setTimeout(180_000);
  const suffix = randomBytes(4).toString('hex');
  const role = `standpoint_app_${suffix}`;
  const database = `standpoint_roles_${suffix}`;
  // Read only when the suite runs on PostgreSQL; the placeholder keeps a skipped suite loadable.
  const server = TEST_DATABASE_URL ?? 'postgres://skipped@localhost/skipped';
  const ownerUrl = withDatabase(server, database);
  const appUrl = (() => {
    const url = new URL(ownerUrl);
    url.username = role;
    return url.toString();
  })();
  let dataDir: string;
  const env = (url: string, extra: Record<string, string> = {}) =>
    testEnvironment({ env: { DATABASE_URL: url }, dataDir, drop: async () => {} }, extra);
  let asApp: Client;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'standpoint-roles-'));
    await createDatabase(server, database);
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.end();
    const migrated = await standpoint(['migrate'], env(ownerUrl, { DATABASE_APP_ROLE: role }));
    expect(migrated.output).toContain('applied AppRolePrivileges');
    expect(migrated.output).toContain(`Granted ${role} its privileges`);
    expect(migrated.code).toBe(0);
    asApp = new Client({ connectionString: appUrl });
    await asApp.connect();
  });

  afterAll(async () => {
    await asApp?.end();
    await dropDatabase(server, database);
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the application as that role: it appends audit events and verifies the chain', async () => {
    const seeded = await standpoint(['seed-demo'], env(appUrl));
    expect(seeded.code).toBe(0);
    const verified = await standpoint(['audit', 'verify', '--brand', 'demo'], env(appUrl));
    expect(verified.code).toBe(0);
    const { rows } = await asApp.query('SELECT count(*)::int AS n FROM audit_event');
    expect(rows[0].n).toBeGreaterThan(5);
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET "actorLabel" = 'someone else'`],
    ['DELETE', 'DELETE FROM audit_event'],
    ['TRUNCATE', 'TRUNCATE audit_event'],
  ])('refuses %s of audit rows to the role, by privilege before any trigger', async (_, sql) => {
    await expect(asApp.query(sql)).rejects.toMatchObject({
      code: '42501',
      message: expect.stringMatching(/permission denied for table audit_event/),
    });
  });

  it('leaves the tables owned by the migrating role, and the migrations to it', async () => {
    const { rows } = await asApp.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1",
      [role],
    );
    expect(rows[0].n).toBe(0);
    await expect(asApp.query('DELETE FROM migrations')).rejects.toMatchObject({ code: '42501' });
  });

  it('lets the role keep the rate-limit counters that every API instance shares', async () => {
    const pool = new Pool({ connectionString: appUrl, max: 1 });
    try {
      const counter = new RateLimiterPostgres({
        storeClient: pool,
        tableName: 'rate_limit',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: 'privileges-test',
        points: 1,
        duration: 60,
      });
      await counter.consume('key');
      await expect(counter.consume('key')).rejects.toBeInstanceOf(RateLimiterRes);
      expect(await counter.delete('key')).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it('refuses a role that does not exist, naming it', async () => {
    const missing = `${role}_missing`;
    const run = await standpoint(['migrate'], env(ownerUrl, { DATABASE_APP_ROLE: missing }));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`the application role ${missing} does not exist`);
  });
});

describe('DATABASE_APP_ROLE on SQLite', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await provisionTestDatabase()));
  afterAll(() => db.drop());

  it('is refused at start: roles are a PostgreSQL matter', async () => {
    const sqliteEnv = testEnvironment(db, { DATABASE_APP_ROLE: 'standpoint_app' });
    delete sqliteEnv.DATABASE_URL;
    const run = await standpoint(['migrate'], sqliteEnv);
    expect(run.code).toBe(1);
    expect(run.output).toContain('DATABASE_APP_ROLE needs DATABASE_URL');
  });
});
