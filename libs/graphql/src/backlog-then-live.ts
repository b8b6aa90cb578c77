const DONE: IteratorResult<never> = { value: undefined, done: true };

/**
 * What a subscriber missed, then what happens: the values of `backlog` until it ends, then those
 * of `live` that `isNew` keeps (asked only once the backlog has ended). `live` is attached before
 * the backlog is read, so what happens meanwhile waits in it, and `isNew` drops what the backlog
 * already gave. Ending the iteration (or a failing backlog) detaches `live` at once, even while a
 * page of the backlog is being read; an async generator would wait for that read first.
 */
export function backlogThenLive<T>(
  backlog: AsyncIterator<T>,
  live: AsyncIterableIterator<T>,
  isNew: (value: T) => boolean,
): AsyncIterableIterator<T> {
  let inBacklog = true;
  let ended = false;

  const finish = async (): Promise<IteratorResult<T>> => {
    if (!ended) {
      ended = true;
      // The backlog stops after the page it is reading; nobody waits for it.
      backlog.return?.().catch(() => undefined);
      await live.return?.();
    }
    return DONE;
  };

  const fromBacklog = async (): Promise<IteratorResult<T> | undefined> => {
    try {
      const result = await backlog.next();
      if (!result.done) return ended ? DONE : result;
    } catch (error) {
      await finish();
      throw error;
    }
    inBacklog = false;
    return undefined;
  };

  return {
    next: async () => {
      if (ended) return DONE;
      if (inBacklog) {
        const result = await fromBacklog();
        if (result) return result;
      }
      for (;;) {
        const result = await live.next();
        if (result.done || isNew(result.value)) return result;
      }
    },
    return: finish,
    throw: async (error: unknown) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
