import { Injectable } from '@nestjs/common';
import { Mutex } from 'async-mutex';
import { DataSource } from 'typeorm';
import { RequestContext } from './request-context';
import { isTransientDatabaseError } from './database-errors';
import { withRetry } from './retry';

const ATTEMPTS = 5;

/**
 * Runs a unit of work in exactly one transaction, retried as a whole on a serialization failure or
 * a deadlock. SQLite has one connection per process, so its transactions take turns: without the
 * mutex two requests would interleave their statements in one transaction.
 */
@Injectable()
export class TransactionRunner {
  private readonly sqliteTurn = new Mutex();

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
    if (ctx.inTransaction) return work();
    return withRetry(
      () =>
        ctx.dialect === 'sqlite'
          ? this.sqliteTurn.runExclusive(() => this.transaction(ctx, work))
          : this.transaction(ctx, work),
      isTransientDatabaseError,
      ATTEMPTS,
    );
  }

  private transaction<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => ctx.withManager(manager, work));
  }
}
