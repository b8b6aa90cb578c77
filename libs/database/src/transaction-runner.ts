import { Injectable, Logger } from '@nestjs/common';
import { Mutex } from 'async-mutex';
import { DataSource } from 'typeorm';
import { AfterCommitHooks } from './after-commit';
import { RequestContext } from './request-context';
import { isTransientDatabaseError } from './database-errors';
import { withRetry } from './retry';

const ATTEMPTS = 5;

/**
 * Runs a unit of work in exactly one transaction, retried as a whole on a serialization failure or
 * a deadlock. SQLite has one connection per process, so its transactions take turns: without the
 * mutex two requests would interleave their statements in one transaction.
 *
 * Each attempt collects its own after-commit hooks (`ctx.afterCommit`); only those of the attempt
 * that committed run, after the commit and outside SQLite's turn.
 */
@Injectable()
export class TransactionRunner {
  private readonly sqliteTurn = new Mutex();
  private readonly logger = new Logger('Transactions');

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
    if (ctx.inTransaction) return work();
    const { result, afterCommit } = await withRetry(
      () =>
        ctx.dialect === 'sqlite'
          ? this.sqliteTurn.runExclusive(() => this.transaction(ctx, work))
          : this.transaction(ctx, work),
      isTransientDatabaseError,
      ATTEMPTS,
    );
    for (const error of await afterCommit.run()) {
      this.logger.error(
        `An after-commit hook failed (the change itself is committed): ${
          error instanceof Error ? (error.stack ?? error.message) : String(error)
        }`,
      );
    }
    return result;
  }

  private async transaction<T>(
    ctx: RequestContext,
    work: () => Promise<T>,
  ): Promise<{ result: T; afterCommit: AfterCommitHooks }> {
    const afterCommit = new AfterCommitHooks();
    const result = await this.dataSource.transaction((manager) =>
      ctx.withManager(manager, afterCommit, work),
    );
    return { result, afterCommit };
  }
}
