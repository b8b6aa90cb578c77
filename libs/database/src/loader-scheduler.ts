/**
 * Dispatches a request's DataLoader batches in waves: a batch asked for while other batches of the
 * request are still running waits until they have all finished, and then goes out together with
 * everything else asked for meanwhile. Without this, how nested lists batch would depend on the
 * order in which concurrent queries happen to return (PostgreSQL runs them on several connections),
 * and the number of queries of one request would vary from run to run.
 */
export class LoaderScheduler {
  private running = 0;
  private waiting: (() => void)[] = [];
  private flushScheduled = false;

  /** DataLoader's `batchScheduleFn`. */
  readonly schedule = (dispatch: () => void): void => {
    this.waiting.push(dispatch);
    this.flushWhenIdle();
  };

  /** Wraps a batch function so the scheduler knows while it runs. */
  track<K, V>(batch: (keys: readonly K[]) => Promise<V[]>): (keys: readonly K[]) => Promise<V[]> {
    return async (keys) => {
      this.running++;
      try {
        return await batch(keys);
      } finally {
        this.running--;
        this.flushWhenIdle();
      }
    };
  }

  private flushWhenIdle(): void {
    if (this.running > 0 || this.flushScheduled || this.waiting.length === 0) return;
    this.flushScheduled = true;
    // After the current I/O callback and its promise jobs: every load they ask for joins this wave.
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.running > 0) return;
      for (const dispatch of this.waiting.splice(0)) dispatch();
    });
  }
}
