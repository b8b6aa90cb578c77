import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Actor, ANONYMOUS, SYSTEM } from './actor';
import { AfterCommitHook, AfterCommitHooks } from './after-commit';
import { InsertBatch, insertRowsNow } from './insert-batch';
import { LoaderScheduler } from './loader-scheduler';
import { readManagerOf } from './read-connection';

/**
 * Everything one request (or one job of the worker, or one command) works with: the actor, a
 * correlation id, the per-request DataLoaders and the database, which is reached only through
 * `em` — the open transaction while there is one.
 */
export class RequestContext {
  private transactionManager: EntityManager | undefined;
  private afterCommitHooks: AfterCommitHooks | undefined;
  private insertBatch: InsertBatch | undefined;
  private loaders = new Map<string, DataLoader<unknown, unknown>>();
  private readonly loaderScheduler = new LoaderScheduler();

  constructor(
    private readonly dataSource: DataSource,
    readonly correlationId: string = randomUUID(),
    public actor: Actor = ANONYMOUS,
  ) {}

  static system(dataSource: DataSource, correlationId?: string): RequestContext {
    return new RequestContext(dataSource, correlationId, SYSTEM);
  }

  /**
   * A context of the same actor and correlation id, with no transaction or loaders of its own: for
   * what a read records in a short transaction of its own, which the read's fields, resolved side
   * by side, must not share.
   */
  sibling(): RequestContext {
    return new RequestContext(this.dataSource, this.correlationId, this.actor);
  }

  /**
   * The entity manager to use: the transaction's while one is open; otherwise one that reads
   * committed data only (SQLite's read connection: see SqliteReadConnection).
   */
  get em(): EntityManager {
    return this.transactionManager ?? readManagerOf(this.dataSource);
  }

  get inTransaction(): boolean {
    return this.transactionManager !== undefined;
  }

  get dialect(): 'sqlite' | 'postgres' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /**
   * Queues `hook` to run once the open transaction has committed, never if it rolls back (nor for
   * an attempt that failed and was retried). What must happen whatever follows belongs in the
   * transaction itself (an outbox row); this is for telling others about a change that is done.
   */
  afterCommit(hook: AfterCommitHook): void {
    if (!this.afterCommitHooks) throw new Error('afterCommit must be called inside a transaction');
    this.afterCommitHooks.add(hook);
  }

  /**
   * Inserts rows whose every column is set in code, in the open transaction, reading nothing back;
   * inside `insertingTogether`, at its end with the others of the same entity.
   */
  async insertRows<E extends ObjectLiteral>(
    entity: EntityTarget<E>,
    rows: readonly E[],
  ): Promise<void> {
    if (!this.transactionManager) throw new Error('insertRows must be called inside a transaction');
    if (this.insertBatch) this.insertBatch.add(entity, rows);
    else await insertRowsNow(this.transactionManager, entity, rows);
  }

  /**
   * Runs `work` with the rows it writes through `insertRows` held back and written at its end, one
   * INSERT per entity: for a change that writes several messages and reads none of them back (a
   * decision). Until then nothing in the transaction sees them.
   */
  async insertingTogether<T>(work: () => Promise<T>): Promise<T> {
    if (!this.transactionManager)
      throw new Error('insertingTogether must run inside a transaction');
    if (this.insertBatch) return work();
    const batch = new InsertBatch();
    this.insertBatch = batch;
    try {
      const result = await work();
      await batch.write(this.transactionManager);
      return result;
    } finally {
      this.insertBatch = undefined;
    }
  }

  /**
   * Writes the rows `insertingTogether` has held back so far, now (the rest at its end as usual):
   * for the audit append, which takes its lock after them. Does nothing outside it.
   */
  async writeQueuedRows(): Promise<void> {
    if (this.insertBatch && this.transactionManager)
      await this.insertBatch.write(this.transactionManager);
  }

  /**
   * Runs `work` with `manager` as the context's manager and `afterCommit` collecting the hooks;
   * used by the TransactionRunner only.
   */
  async withManager<T>(
    manager: EntityManager,
    afterCommit: AfterCommitHooks,
    work: () => Promise<T>,
  ): Promise<T> {
    this.transactionManager = manager;
    this.afterCommitHooks = afterCommit;
    this.loaders.clear();
    try {
      return await work();
    } finally {
      this.transactionManager = undefined;
      this.afterCommitHooks = undefined;
      // What was loaded inside the transaction may have been rolled back or changed since.
      this.loaders.clear();
    }
  }

  /** The request's DataLoader under `key` for `batch`, created on first use. */
  loader<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<K, V>(this.loaderScheduler.track(batch), {
        batchScheduleFn: this.loaderScheduler.schedule,
      }) as DataLoader<unknown, unknown>;
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
