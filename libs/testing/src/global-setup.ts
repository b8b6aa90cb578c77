// Jest's global setup does not apply moduleNameMapper: the database files are named directly.
import { dataSourceOptions } from '../../database/src/data-source-options';
import { applyMigrations } from '../../database/src/migrate';
import { createDatabase, dropDatabase, withDatabase } from '../../database/src/postgres-databases';
import { DataSource } from 'typeorm';
import { templateDatabase, TEST_DATABASE_URL } from './test-database';

/** On PostgreSQL: migrates the template database once; each test file then clones it. */
export default async function globalSetup(): Promise<void> {
  if (!TEST_DATABASE_URL) return;
  await dropDatabase(TEST_DATABASE_URL, templateDatabase());
  await createDatabase(TEST_DATABASE_URL, templateDatabase());
  const dataSource = await new DataSource({
    ...dataSourceOptions({
      dialect: 'postgres',
      url: withDatabase(TEST_DATABASE_URL, templateDatabase()),
    }),
    logging: false,
  }).initialize();
  try {
    await applyMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
