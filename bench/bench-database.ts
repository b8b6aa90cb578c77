import { createDatabase, dropDatabase, withDatabase } from '@standpoint/database';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The harness's database shape only: its index also holds Jest's hooks.
import { TestDatabase } from '../libs/testing/src/test-database';

export type BenchDialect = 'sqlite' | 'postgres';

/** "SQLite" or "PostgreSQL", as the figures name them. */
export const DIALECT_NAME: Record<BenchDialect, string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
};

/**
 * An empty database of a part's own, which the first process to start migrates: a new SQLite file,
 * or a new database on the PostgreSQL server `postgresUrl`. Dropped, with its folder, by `drop`.
 */
export async function benchDatabase(
  dialect: BenchDialect,
  postgresUrl: string | undefined,
): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'standpoint-bench-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    return {
      env: { SQLITE_PATH: join(dataDir, 'bench.sqlite') },
      dataDir,
      drop: async () => removeDir(),
    };
  }
  if (!postgresUrl) throw new Error('a PostgreSQL figure needs a server');
  const name = `standpoint_bench_${randomBytes(4).toString('hex')}`;
  await createDatabase(postgresUrl, name);
  return {
    env: { DATABASE_URL: withDatabase(postgresUrl, name) },
    dataDir,
    drop: async () => {
      await dropDatabase(postgresUrl, name);
      removeDir();
    },
  };
}

/** The dialects a part measures: SQLite always, PostgreSQL when the runner found a server. */
export function benchDialects(postgresUrl: string | undefined): BenchDialect[] {
  return postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}
