import { AUDIT_LOCK_CLASS } from '@standpoint/audit';
import { Client } from 'pg';
const EVERY_MS = 20;

export interface LockWaiters {
  /** Connections waiting for a brand's audit lock, on average over the samples. */
  mean: number;
  max: number;
  samples: number;
}

/**
 * Samples, until `stop`, how many connections of the database at `url` wait for an audit lock:
 * the queue the issue saw (7 of 10 pooled connections) when the lock was held too long.
 */
export async function sampleAuditLockWaiters(
  url: string,
): Promise<{ stop(): Promise<LockWaiters> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const counts: number[] = [];
  let sampling = true;
  const sampled = (async () => {
    while (sampling) {
      const { rows } = await client.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_locks
          WHERE locktype = 'advisory' AND classid = $1 AND NOT granted`,
        [AUDIT_LOCK_CLASS],
      );
      counts.push(rows[0].waiting);
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
    }
  })();
  return {
    async stop() {
      sampling = false;
      await sampled;
      await client.end();
      const total = counts.reduce((sum, n) => sum + n, 0);
      return {
        mean: counts.length ? +(total / counts.length).toFixed(1) : 0,
        max: Math.max(0, ...counts),
        samples: counts.length,
      };
    },
  };
}
