import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The resident memory of a started process once it has settled (`settleMs` after it became
 * healthy: start-up garbage collected, timers of the worker loop run), in MiB, as `ps` reports it
 * on Linux and macOS alike.
 */
export async function settledResidentMiB(pid: number, settleMs: number): Promise<number> {
  await sleep(settleMs);
  const kib = Number(
    execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
      .toString()
      .trim(),
  );
  if (!Number.isFinite(kib) || kib === 0) throw new Error(`no resident memory for process ${pid}`);
  return Math.round(kib / 1024);
}
