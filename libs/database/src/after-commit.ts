/** Something to do once a transaction has committed: tell subscribers, wake a worker. */
export type AfterCommitHook = () => void | Promise<void>;

/**
 * The hooks one transaction attempt queued with `ctx.afterCommit`. The TransactionRunner runs them,
 * in the order they were queued, only once that attempt committed; an attempt that rolled back (a
 * failure, or a retry's failed try) drops its queue with it.
 */
export class AfterCommitHooks {
  private readonly hooks: AfterCommitHook[] = [];
  private ran = false;

  add(hook: AfterCommitHook): void {
    if (this.ran) throw new Error('the transaction has already committed');
    this.hooks.push(hook);
  }

  get size(): number {
    return this.hooks.length;
  }

  /**
   * Runs every hook, one after the other. The change is committed whatever they do, so a failing
   * hook does not stop the others: its error is returned with the others' for the caller to log.
   */
  async run(): Promise<unknown[]> {
    if (this.ran) throw new Error('after-commit hooks run once');
    this.ran = true;
    const errors: unknown[] = [];
    for (const hook of this.hooks) {
      try {
        await hook();
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }
}
