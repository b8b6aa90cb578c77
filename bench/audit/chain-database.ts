import { createDatabase, dropDatabase, withDatabase } from '@standpoint/database';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measuredProcess } from './measured-process';

export type BenchDialect = 'sqlite' | 'postgres';

/** A database of the bench's own, holding the demo brand, for one chain length. */
export interface ChainDatabase {
  dialect: BenchDialect;
  /** What points a Standpoint process at it. */
  env: Record<string, string>;
  /** A folder of its own, for the export files. */
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A new SQLite file, or a new PostgreSQL database on `serverUrl`, migrated and seeded with the demo
 * brand by `standpoint seed-demo`.
 */
export async function chainDatabase(serverUrl?: string): Promise<ChainDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'standpoint-bench-audit-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const base = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  let database: ChainDatabase;
  if (!serverUrl) {
    database = {
      dialect: 'sqlite',
      env: { ...base, SQLITE_PATH: join(dataDir, 'bench.sqlite') },
      dataDir,
      drop: async () => removeDir(),
    };
  } else {
    const name = `standpoint_bench_${randomBytes(4).toString('hex')}`;
    await createDatabase(serverUrl, name);
    database = {
      dialect: 'postgres',
      env: { ...base, DATABASE_URL: withDatabase(serverUrl, name) },
      dataDir,
      drop: async () => {
        await dropDatabase(serverUrl, name);
        removeDir();
      },
    };
  }
  try {
    await measuredProcess(['bin/standpoint.js', 'seed-demo'], database.env);
    return database;
  } catch (error) {
    await database.drop();
    throw error;
  }
}
