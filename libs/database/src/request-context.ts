import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Actor, ANONYMOUS, SYSTEM } from './actor';
import { AfterCommitHook, AfterCommitHooks } from './after-commit';
import { InsertsAtCommit } from './inserts-at-commit';
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
  private insertsAtCommit: InsertsAtCommit | undefined;
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
   * Queues rows to be inserted in the open transaction once its work is done, in one statement with
   * the others queued for the same entity (see InsertsAtCommit). For rows nothing reads or
   * references in the transaction after queuing them: the outbox's messages.
   */
  insertAtCommit<E extends ObjectLiteral>(entity: EntityTarget<E>, rows: readonly E[]): void {
    if (!this.insertsAtCommit)
      throw new Error('insertAtCommit must be called inside a transaction');
    this.insertsAtCommit.add(entity, rows);
  }

  /**
   * Runs `work` with `manager` as the context's manager and `afterCommit` collecting the hooks,
   * then writes the rows queued with `insertAtCommit`; used by the TransactionRunner only.
   */
  async withManager<T>(
    manager: EntityManager,
    afterCommit: AfterCommitHooks,
    work: () => Promise<T>,
  ): Promise<T> {
    this.transactionManager = manager;
    this.afterCommitHooks = afterCommit;
    this.insertsAtCommit = new InsertsAtCommit();
    this.loaders.clear();
    try {
      const result = await work();
      await this.insertsAtCommit.write(manager);
      return result;
    } finally {
      this.transactionManager = undefined;
      this.afterCommitHooks = undefined;
      this.insertsAtCommit = undefined;
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
