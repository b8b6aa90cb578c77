import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until `condition` holds, checking every `intervalMs`: for state another process or the
 * worker loop changes, where there is no event to await. Fails naming `what` after `timeoutMs`,
 * or with the signal's reason once it is aborted (so a wait that lost its point stops polling).
 */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  {
    timeoutMs = 60_000,
    intervalMs = 50,
    signal,
  }: { timeoutMs?: number; intervalMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    signal?.throwIfAborted();
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
