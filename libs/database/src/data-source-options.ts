import { DatabaseConfig } from '@standpoint/config';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions, LoggerOptions } from 'typeorm';
import { postgresMigrations } from './migrations/postgres';
import { sqliteMigrations } from './migrations/sqlite';

/** The TypeORM options for the configured database; entities are added by the features. */
export function dataSourceOptions(
  database: DatabaseConfig,
  logging: LoggerOptions = ['error', 'warn', 'migration'],
): DataSourceOptions {
  const common = { synchronize: false, migrationsRun: false, logging } as const;
  if (database.dialect === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      migrations: postgresMigrations,
      extra: { max: 10 },
    };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
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
