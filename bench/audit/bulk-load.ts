import { SampleEvent, sampleEvents } from '../../libs/audit/src/rules/sample-export';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { ChainDatabase } from './chain-database';

/** Rows per statement (per transaction on SQLite): enough that each costs little beside its rows. */
const ROWS = 5_000;

/** The audit table's columns, with their PostgreSQL type. */
const COLUMNS = [
  ['id', 'text'],
  ['brandId', 'text'],
  ['seq', 'int'],
  ['at', 'timestamptz'],
  ['actorId', 'text'],
  ['actorLabel', 'text'],
  ['action', 'text'],
  ['entityType', 'text'],
  ['entityId', 'text'],
  ['data', 'jsonb'],
  ['prevHash', 'text'],
  ['hash', 'text'],
  ['canonical', 'text'],
] as const;
const COLUMN_LIST = COLUMNS.map(([name]) => `"${name}"`).join(', ');

interface Head {
  brandId: string;
  seq: number;
  hash: string;
}

const HEAD_SQL = `SELECT e."brandId", e.seq, e.hash FROM audit_event e JOIN brand b ON b.id = e."brandId"
  WHERE b.slug = 'demo' ORDER BY e.seq DESC LIMIT 1`;

/** A row's values in COLUMNS order; `at` as the dialect stores it. */
function values({ content, canonical, hash }: SampleEvent, at: (iso: string) => string) {
  return [
    `aud_bench_${content.seq}`,
    content.brandId,
    content.seq,
    at(content.at),
    content.actorId,
    content.actorLabel,
    content.action,
    content.entityType,
    content.entityId,
    JSON.stringify(content.data),
    content.prevHash,
    hash,
    canonical,
  ];
}

function* batches(events: Iterable<SampleEvent>): Generator<SampleEvent[]> {
  let batch: SampleEvent[] = [];
  for (const event of events) {
    batch.push(event);
    if (batch.length === ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Grows the demo brand's audit chain to `length` events with made-up ones sealed by the chain's
 * rules, written straight to the database (through the application a million appends would take
 * hours). On PostgreSQL in multi-row statements, with no trigger fired (no NOTIFY for a million
 * events nobody listens to), and then left unanalysed, as a bulk load leaves a table.
 */
export async function growDemoChain(database: ChainDatabase, length: number): Promise<void> {
  if (database.dialect === 'sqlite') return growOnSqlite(database.env.SQLITE_PATH, length);
  return growOnPostgres(database.env.DATABASE_URL, length);
}

function growOnSqlite(path: string, length: number): void {
  const db = new Database(path);
  try {
    const head = db.prepare(HEAD_SQL).get() as Head;
    const insert = db.prepare(
      `INSERT INTO audit_event (${COLUMN_LIST}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    );
    // SQLite's datetime text, as TypeORM writes it: '2026-11-30 00:00:01.000', UTC.
    const at = (iso: string) => iso.replace('T', ' ').slice(0, 23);
    // A prepared statement run per row inside one transaction: SQLite's fastest bulk insert.
    const write = db.transaction((batch: SampleEvent[]) => {
      for (const event of batch) insert.run(values(event, at));
    });
    for (const batch of batches(sampleEvents(length - head.seq, head.brandId, head))) write(batch);
  } finally {
    db.close();
  }
}

async function growOnPostgres(url: string, length: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Autovacuum would analyse the table a minute later: the verification must do without.
    await client.query('ALTER TABLE audit_event SET (autovacuum_enabled = false)');
    await client.query('SET session_replication_role = replica');
    const head = (await client.query<Head>(HEAD_SQL)).rows[0];
    // One array per column, unnested into rows: one statement per batch, whatever its size.
    const arrays = COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    const sql = `INSERT INTO audit_event (${COLUMN_LIST}) SELECT * FROM unnest(${arrays})`;
    for (const batch of batches(sampleEvents(length - head.seq, head.brandId, head))) {
      const rows = batch.map((event) => values(event, (iso) => iso));
      await client.query(
        sql,
        COLUMNS.map((_, i) => rows.map((row) => row[i])),
      );
    }
  } finally {
    await client.end();
  }
}
