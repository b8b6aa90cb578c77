import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** The read connection of each SQLite DataSource that has one. */
const readers = new WeakMap<DataSource, DataSource>();

/**
 * The manager for reads outside a transaction: on SQLite, that of the read connection, which
 * sees only committed data; on PostgreSQL, the DataSource's own (each query takes a pool
 * connection, outside any other request's transaction).
 */
export function readManagerOf(dataSource: DataSource): EntityManager {
  return (readers.get(dataSource) ?? dataSource).manager;
}

/**
 * SQLite's second connection, for reads outside a transaction. better-sqlite3 gives a DataSource
 * one connection, and a transaction is that connection's state: without this, a request reading
 * while another's transaction is open reads that transaction's uncommitted writes. In WAL mode a
 * read-only connection reads the last committed state while a write is in progress, and never
 * blocks it.
 *
 * Opened once the DataSource is migrated, read-only (it cannot write, let alone migrate), and
 * closed with the application. `SQLITE_PATH=:memory:` cannot have it (a second connection to
 * `:memory:` is another, empty database), so the configuration refuses that path.
 */
@Injectable()
export class SqliteReadConnection implements OnModuleInit, OnApplicationShutdown {
  private reader: DataSource | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const options = this.dataSource.options;
    if (options.type !== 'better-sqlite3') return;
    this.reader = await new DataSource({
      ...options,
      readonly: true,
      fileMustExist: true,
      migrations: [],
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        // The file is in WAL mode already (the writer set it): a read-only connection cannot.
        db.pragma('query_only = ON');
        db.pragma('busy_timeout = 5000');
      },
    }).initialize();
    readers.set(this.dataSource, this.reader);
  }

  async onApplicationShutdown(): Promise<void> {
    readers.delete(this.dataSource);
    await this.reader?.destroy();
    this.reader = undefined;
  }
}
