import { configOrExit } from '@standpoint/config';
import { applyMigrations, dataSourceOptions, grantAppRolePrivileges } from '@standpoint/database';
import { DataSource } from 'typeorm';

/**
 * Applies the pending migrations, naming each as it completes; with DATABASE_APP_ROLE, then grants
 * that role its privileges again (idempotent), so tables added since are covered too.
 */
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
    const appRole = config.database.dialect === 'postgres' ? config.database.appRole : undefined;
    if (appRole) {
      const runner = dataSource.createQueryRunner();
      try {
        await grantAppRolePrivileges(runner, appRole);
      } finally {
        await runner.release();
      }
      process.stdout.write(`Granted ${appRole} its privileges (audit tables append-only).\n`);
    }
  } finally {
    await dataSource.destroy();
  }
}
