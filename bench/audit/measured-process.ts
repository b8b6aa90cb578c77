import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export interface MeasuredRun {
  /** Standard output, where a measured step prints its figures as JSON. */
  stdout: string;
  /** The process's peak resident memory, as bench/peak-memory.js reports it. */
  peakRssMiB: number;
  seconds: number;
}

/**
 * Runs a script of the repository (`bin/standpoint.js`, `dist/bench/…`) as a process of its own,
 * so that its peak memory is its own; throws with its output when it fails.
 */
export async function measuredProcess(
  args: string[],
  env: Record<string, string>,
): Promise<MeasuredRun> {
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    ['--require', join(ROOT, 'bench', 'peak-memory.js'), join(ROOT, args[0]), ...args.slice(1)],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`${args.join(' ')} failed (exit ${code}):\n${stdout}${stderr}`);
  const peak = /peak-rss-kib (\d+)/.exec(stderr);
  return { stdout, peakRssMiB: peak ? Number(peak[1]) / 1024 : NaN, seconds };
}
