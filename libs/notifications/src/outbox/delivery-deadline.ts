/** A delivery attempt that did not finish within its deadline; it is retried like any failure. */
export class DeadlineExceededError extends Error {}

/**
 * Runs one delivery attempt under a total deadline. `attempt` gets a signal that aborts when the
 * deadline passes, to close its connection; the attempt fails then even if a step inside it cannot
 * be cancelled (a DNS lookup), so no receiver or server can hold it longer.
 */
export function withinDeadline<T>(
  deadlineMs: number,
  party: string,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const signal = AbortSignal.timeout(deadlineMs);
  return new Promise<T>((resolve, reject) => {
    // Registered before the attempt's own listeners, so the deadline is what the attempt fails with.
    const onDeadline = () =>
      reject(new DeadlineExceededError(`${party} did not finish within ${deadlineMs} ms`));
    signal.addEventListener('abort', onDeadline, { once: true });
    attempt(signal)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onDeadline));
  });
}
