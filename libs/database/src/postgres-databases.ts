import { Client } from 'pg';

/** The URL of another database on the same PostgreSQL server. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

async function onServer<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates a database (optionally as a copy of `template`) on the server `url` points at. */
export function createDatabase(url: string, name: string, template?: string): Promise<void> {
  return onServer(url, async (client) => {
    await client.query(
      `CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ''}`,
    );
  });
}

export function dropDatabase(url: string, name: string): Promise<void> {
  return onServer(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  });
}
