import { freePort, RunningProcess } from '../../libs/testing/src/processes';
import { repeated, Samples } from './samples';

export interface StartedServer {
  /** From the spawn to the first 200 of /health (polled every 50 ms). */
  ms: number;
  server: RunningProcess;
}

/** Starts a server on a free port and answers how long it took to be healthy; the caller stops it. */
export async function timedStart(start: (port: number) => RunningProcess): Promise<StartedServer> {
  const port = await freePort();
  const started = performance.now();
  const server = start(port);
  await server.healthy(`http://127.0.0.1:${port}`);
  return { ms: Math.round(performance.now() - started), server };
}

/** `runs` starts one after the other, each stopped before the next: their times to healthy. */
export function timesToHealthy(
  runs: number,
  start: (port: number) => RunningProcess,
  stop: (server: RunningProcess) => Promise<void>,
): Promise<Samples> {
  return repeated(runs, async () => {
    const { ms, server } = await timedStart(start);
    await stop(server);
    return ms;
  });
}
