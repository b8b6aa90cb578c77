import { configOrExit } from '@standpoint/config';
import { applyMigrations, dataSourceOptions } from '@standpoint/database';
import { DataSource } from 'typeorm';

/** Applies the pending migrations, naming each as it completes. */
export async function migrateCommand(): Promise<void> {
  const config = configOrExit();
  const where = config.database.dialect === 'postgres' ? 'PostgreSQL' : config.database.path;
  process.stdout.write(`Migrating ${where}\n`);
  const dataSource = await new DataSource(dataSourceOptions(config.database)).initialize();
  try {
    const applied = await applyMigrations(dataSource);
    for (const migration of applied) process.stdout.write(`  applied ${migration.name}\n`);
    process.stdout.write(
      applied.length ? `Applied ${applied.length} migration(s).\n` : 'Already up to date.\n',
    );
  } finally {
    await dataSource.destroy();
  }
}
