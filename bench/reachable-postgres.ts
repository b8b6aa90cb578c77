import { Client } from 'pg';

const LOCAL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** BENCH_DATABASE_URL if set (it must answer), else the local server if it answers, else none. */
export async function reachablePostgres(): Promise<string | undefined> {
  const url = process.env.BENCH_DATABASE_URL ?? LOCAL;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return url;
  } catch (error) {
    if (process.env.BENCH_DATABASE_URL) throw error;
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}
