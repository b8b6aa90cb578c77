import { dropDatabase } from '../../database/src/postgres-databases';
import { templateDatabase, TEST_DATABASE_URL } from './test-database';

export default async function globalTeardown(): Promise<void> {
  if (TEST_DATABASE_URL) await dropDatabase(TEST_DATABASE_URL, templateDatabase());
}
