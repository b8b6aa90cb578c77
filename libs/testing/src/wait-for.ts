import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until `condition` holds, checking every `intervalMs`: for state another process or the
 * worker loop changes, where there is no event to await. Fails naming `what` after `timeoutMs`.
 */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 60_000, intervalMs = 50 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
