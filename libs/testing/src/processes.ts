import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { waitFor } from './wait-for';

/**
 * The checkout: the nearest folder above with a package.json, whether this file runs from its
 * source (the tests) or built into dist/ (the bench).
 */
export const REPO_ROOT = repoRoot(__dirname);

function repoRoot(from: string): string {
  if (existsSync(join(from, 'package.json'))) return from;
  if (dirname(from) === from) throw new Error('no package.json above the test harness');
  return repoRoot(dirname(from));
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface RunningProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves when the output matches, rejects when the process ends first or time runs out. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * Resolves when the server's `<baseUrl>/health` answers 200; rejects with the process's output
   * when it ends first (a server that cannot start says why at once, not after the time-out).
   */
  healthy(baseUrl: string, timeoutMs?: number): Promise<Response>;
}

/** Runs a built entry point (`dist/...`) or `bin/standpoint.js` as its own process. */
export function runNode(
  script: string,
  args: string[],
  env: Record<string, string>,
): RunningProcess {
  return watched(
    spawn(process.execPath, [join(REPO_ROOT, script), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/**
 * Runs a command as an operator types it (`npm start`) in `cwd`, as a process group of its own:
 * npm runs a shell that runs node, and stopCommand stops them all.
 */
export function runCommand(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd = REPO_ROOT,
): RunningProcess {
  return watched(
    spawn(command, args, {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
  );
}

/** Stops a command of runCommand and everything it started (SIGTERM to its group). */
export async function stopCommand({ child, exited }: RunningProcess): Promise<void> {
  const group = -child.pid!;
  process.kill(group, 'SIGTERM');
  await exited;
  // npm may exit before the server it started has closed its database.
  await waitFor("the command's processes to end", () => !groupAlive(group));
}

function groupAlive(group: number): boolean {
  try {
    process.kill(group, 0);
    return true;
  } catch {
    return false;
  }
}

/** A started process, with its output collected and its end and health awaitable. */
function watched(child: ChildProcess): RunningProcess {
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  // Aborted when the process ends: a wait for its health fails at once, and stops polling.
  const ended = new AbortController();
  void exited.then(({ code, signal }) =>
    ended.abort(
      new Error(
        `the process ended (${signal ?? `exit ${code}`}) before it was healthy:\n${output}`,
      ),
    ),
  );
  return {
    child,
    output: () => output,
    exited,
    // A dead process fails at once, so the wait for a live one can be long: a loaded machine can
    // take half a minute to start a server.
    healthy: (baseUrl, timeoutMs = 60_000) =>
      waitForHttp(`${baseUrl}/health`, 200, timeoutMs, ended.signal),
    waitForOutput: (pattern, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) finish(resolve);
        };
        const finish = (settle: () => void) => {
          listeners.delete(check);
          clearTimeout(timer);
          settle();
        };
        const timer = setTimeout(
          () =>
            finish(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${output}`))),
          timeoutMs,
        );
        listeners.add(check);
        void exited.then(() =>
          finish(() =>
            pattern.test(output)
              ? resolve()
              : reject(new Error(`process ended before ${pattern}; output:\n${output}`)),
          ),
        );
        check();
      }),
  };
}

/** Polls `url` until it answers `status`, for a server that is starting. */
export async function waitForHttp(
  url: string,
  status = 200,
  timeoutMs = 20_000,
  signal?: AbortSignal,
): Promise<Response> {
  let response: Response | undefined;
  await waitFor(
    `${url} to answer ${status}`,
    async () => (response = await fetch(url, { signal }).catch(() => undefined))?.status === status,
    { timeoutMs, signal },
  );
  return response!;
}

/** API processes (`dist/apps/api`) on one database, started at once; answers them once healthy. */
export async function startApiProcesses(
  count: number,
  env: Record<string, string>,
): Promise<{ processes: RunningProcess[]; urls: string[] }> {
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const processes = ports.map((port) =>
    runNode('dist/apps/api/src/main.js', [], { ...env, PORT: String(port) }),
  );
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  try {
    await Promise.all(processes.map((running, i) => running.healthy(urls[i])));
  } catch (error) {
    // The caller never gets them to stop: an instance left running would keep Jest waiting.
    await stopProcesses(processes).catch(() => undefined);
    throw error;
  }
  return { processes, urls };
}

/** Worker processes (`dist/apps/worker`) on one database, started at once; they report no health. */
export function startWorkerProcesses(count: number, env: Record<string, string>): RunningProcess[] {
  return Array.from({ length: count }, () => runNode('dist/apps/worker/src/main.js', [], env));
}

/** How long a process may take to stop cleanly before the harness kills it and fails the test. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * Stops the processes as an operator would (SIGTERM), all at once, and waits for them to exit. One
 * that is still running after `timeoutMs` is killed and fails the test with its output: a
 * process that ignores SIGTERM is a defect, and must not leave Jest waiting forever.
 */
export async function stopProcesses(
  processes: readonly Pick<RunningProcess, 'child' | 'exited' | 'output'>[],
  timeoutMs = STOP_TIMEOUT_MS,
): Promise<void> {
  const results = await Promise.allSettled(
    processes.map((running) => stopProcess(running, timeoutMs)),
  );
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}

async function stopProcess(
  { child, exited, output }: Pick<RunningProcess, 'child' | 'exited' | 'output'>,
  timeoutMs: number,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const stopped = await Promise.race([
    exited.then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (stopped) return;
  child.kill('SIGKILL');
  await exited;
  throw new Error(
    `the process did not stop within ${timeoutMs / 1000} s of SIGTERM; its output:\n${output()}`,
  );
}
