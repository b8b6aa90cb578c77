import { configOrExit } from '@standpoint/config';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { count, terminalProgress } from './progress';

/**
 * `standpoint backup --output <file>`: a consistent copy of the SQLite database, taken while the
 * server runs (SQLite's online backup, committed data only). A copy of the file alone is not one:
 * in WAL mode the latest changes may still sit in the `-wal` file beside it. On PostgreSQL the
 * database's own tools do this (pg_dump, docs/operations.md).
 */
export async function backupCommand(options: { output: string }): Promise<void> {
  const config = configOrExit();
  if (config.database.dialect !== 'sqlite') {
    throw new Error(
      'backup copies a SQLite database; on PostgreSQL use pg_dump --format=custom (see docs/operations.md, Backups)',
    );
  }
  if (existsSync(options.output)) throw new Error(`${options.output} exists already`);
  const source = new Database(config.database.path, { readonly: true, fileMustExist: true });
  try {
    const progress = terminalProgress((pages) => `copied ${count(pages)} pages`);
    let copied = 0;
    await source.backup(options.output, {
      progress: ({ totalPages, remainingPages }) => {
        progress.update((copied = totalPages - remainingPages));
        return 100; // pages per step: small steps leave the writers room between them
      },
    });
    progress.end(copied);
    process.stdout.write(`Backed up ${config.database.path} to ${options.output}\n`);
  } finally {
    source.close();
  }
}
