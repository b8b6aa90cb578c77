import { DatabaseConfig } from '@standpoint/config';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { postgresMigrations } from './migrations/postgres';
import { sqliteMigrations } from './migrations/sqlite';
import { TypeOrmLogger } from './typeorm-logger';

/** Connections in one process's pool on PostgreSQL when DATABASE_POOL_SIZE is unset. */
export const DEFAULT_POOL_SIZE = 10;

/** The TypeORM options for the configured database; entities are added by the features. */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    logger: new TypeOrmLogger(),
    maxQueryExecutionTime: 1000,
  } satisfies Partial<DataSourceOptions>;
  if (database.dialect === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      migrations: postgresMigrations,
      extra: { max: database.poolSize ?? DEFAULT_POOL_SIZE },
    };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    migrations: sqliteMigrations,
    // WAL lets the worker and readers proceed while a write is in progress; a busy file is waited
    // for (the CLI and the server may share it) rather than failed at once.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}
