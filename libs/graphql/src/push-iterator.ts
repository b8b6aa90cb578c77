/**
 * Turns a push source (a listener on an event bus) into the async iterator a GraphQL subscription
 * resolver returns. `start` attaches the listener and returns how to detach it; values pushed
 * before they are asked for wait in order. Ending the iteration (the client unsubscribes or
 * disconnects, which calls `return`) detaches the listener and settles any pending `next`.
 */
export function pushIterator<T>(
  start: (push: (value: T) => void) => () => void,
): AsyncIterableIterator<T> {
  const buffered: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let done = false;
  const stop = start((value) => {
    if (done) return;
    const resolve = waiting.shift();
    if (resolve) resolve({ value, done: false });
    else buffered.push(value);
  });

  const finish = (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      buffered.length = 0;
      stop();
      for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  };

  return {
    next: () => {
      if (buffered.length > 0) return Promise.resolve({ value: buffered.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
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
