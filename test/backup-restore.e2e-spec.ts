import { createDatabase, dropDatabase, withDatabase } from '@standpoint/database';
import {
  provisionTestDatabase,
  runNode,
  TEST_DATABASE_URL,
  TestDatabase,
  testEnvironment,
} from '@standpoint/testing';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

interface Verification {
  valid: boolean;
  checkedEvents: number;
  headSeq: number;
  headHash: string;
}

/**
 * The backup procedure docs/operations.md gives, done once: a populated database is backed up and
 * restored elsewhere, and the restored audit chain verifies to the same head (with the same
 * AUDIT_SIGNING_KEY, which a backup must keep beside the data).
 */
describe('a backup, restored', () => {
  jest.setTimeout(180_000);
  let db: TestDatabase;
  let original: Verification;

  const standpoint = async (args: string[], env: Record<string, string>) => {
    const cli = runNode('bin/standpoint.js', args, env);
    const { code } = await cli.exited;
    return { code, output: cli.output() };
  };
  const verify = async (env: Record<string, string>): Promise<Verification> => {
    const result = await standpoint(['audit', 'verify', '--brand', 'demo'], env);
    expect(result).toMatchObject({ code: 0 });
    return JSON.parse(result.output.trim().split('\n').at(-1)!) as Verification;
  };

  beforeAll(async () => {
    db = await provisionTestDatabase();
    expect((await standpoint(['seed-demo'], testEnvironment(db))).code).toBe(0);
    original = await verify(testEnvironment(db));
    expect(original).toMatchObject({ valid: true });
    expect(original.checkedEvents).toBeGreaterThan(10);
  });
  afterAll(() => db.drop());

  (TEST_DATABASE_URL ? it : it.skip)(
    'with pg_dump and pg_restore, verifies to the same head and keeps the audit rows append-only',
    async () => {
      const server = TEST_DATABASE_URL!;
      const dump = join(db.dataDir, 'standpoint.dump');
      const run = (command: string, args: string[]) => {
        const done = spawnSync(command, args, { encoding: 'utf8' });
        expect(done.stderr).toBe('');
        expect(done.status).toBe(0);
      };
      run('pg_dump', ['--format=custom', '--file', dump, db.env.DATABASE_URL]);
      const restored = `standpoint_restored_${randomBytes(4).toString('hex')}`;
      await createDatabase(server, restored);
      try {
        const restoredUrl = withDatabase(server, restored);
        run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', restoredUrl, dump]);

        expect(await verify(testEnvironment(db, { DATABASE_URL: restoredUrl }))).toEqual(original);
        const client = new Client({ connectionString: restoredUrl });
        await client.connect();
        try {
          await expect(client.query(`UPDATE audit_event SET "actorLabel" = 'x'`)).rejects.toThrow(
            /append-only/,
          );
        } finally {
          await client.end();
        }
      } finally {
        await dropDatabase(server, restored);
      }
    },
  );

  (TEST_DATABASE_URL ? it.skip : it)(
    'with `standpoint backup` on SQLite, verifies to the same head, and never overwrites a file',
    async () => {
      const backup = join(db.dataDir, 'backup.sqlite');
      const made = await standpoint(['backup', '--output', backup], testEnvironment(db));
      expect(made).toMatchObject({ code: 0 });
      expect(made.output).toContain(`to ${backup}`);
      expect(await verify(testEnvironment(db, { SQLITE_PATH: backup }))).toEqual(original);

      expect(await standpoint(['backup', '--output', backup], testEnvironment(db))).toMatchObject({
        code: 1,
        output: expect.stringContaining('exists already'),
      });
    },
  );

  (TEST_DATABASE_URL ? it : it.skip)('sends PostgreSQL to pg_dump', async () => {
    const refused = await standpoint(
      ['backup', '--output', join(db.dataDir, 'x.sqlite')],
      testEnvironment(db),
    );
    expect(refused).toMatchObject({ code: 1, output: expect.stringContaining('pg_dump') });
  });
});
