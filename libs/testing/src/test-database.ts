import { createDatabase, dropDatabase, withDatabase } from '../../database/src/postgres-databases';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The PostgreSQL server the suite runs on, or undefined for SQLite. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const TEST_DIALECT: 'sqlite' | 'postgres' = TEST_DATABASE_URL ? 'postgres' : 'sqlite';

/**
 * The migrated database every test database on PostgreSQL is cloned from. Global setup names it
 * once per run (so that two runs on one server never share it) and the workers inherit the name.
 */
export function templateDatabase(): string {
  process.env.STANDPOINT_TEST_TEMPLATE ??= `standpoint_template_${process.pid}_${randomBytes(3).toString('hex')}`;
  return process.env.STANDPOINT_TEST_TEMPLATE;
}

export interface TestDatabase {
  /** The environment variables that point a Standpoint process at this database. */
  env: Record<string, string>;
  /** A folder of its own for DATA_DIR and the like. */
  dataDir: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file: a new SQLite file, or a clone of the migrated template. */
export async function provisionTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'standpoint-test-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (!TEST_DATABASE_URL) {
    return {
      env: { SQLITE_PATH: join(dataDir, 'test.sqlite') },
      dataDir,
      drop: async () => removeDir(),
    };
  }
  const name = `standpoint_test_${randomBytes(6).toString('hex')}`;
  await cloneTemplate(TEST_DATABASE_URL, name);
  return {
    env: { DATABASE_URL: withDatabase(TEST_DATABASE_URL, name) },
    dataDir,
    drop: async () => {
      await dropDatabase(TEST_DATABASE_URL, name);
      removeDir();
    },
  };
}

async function cloneTemplate(serverUrl: string, name: string): Promise<void> {
  // Two clones of one template at the same moment can collide ("being accessed by other users").
  for (let attempt = 1; ; attempt++) {
    try {
      return await createDatabase(serverUrl, name, templateDatabase());
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
