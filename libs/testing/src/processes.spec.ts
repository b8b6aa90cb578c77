import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort, runNode, stopProcesses } from './processes';

describe('a started process', () => {
  // Without the race on its exit, the wait would end in a time-out that names no cause.
  it('that ends before it is healthy is reported as ended, with what it said', async () => {
    const cli = runNode('bin/standpoint.js', ['frobnicate'], {});
    await expect(cli.healthy(`http://127.0.0.1:${await freePort()}`, 30_000)).rejects.toThrow(
      /ended \(exit 2\) before it was healthy:[\s\S]*frobnicate/,
    );
  });
});

describe('stopping processes', () => {
  // A server that hangs on SIGTERM would otherwise keep Jest waiting until CI gives up.
  it('kills one that ignores SIGTERM and fails with its output', async () => {
    const child = spawn(
      process.execPath,
      [
        '-e',
        "process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('ready'); setInterval(() => {}, 1000)",
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit').then(([code, signal]) => ({
      code: code as number | null,
      signal: signal as NodeJS.Signals | null,
    }));
    await once(child.stdout, 'data'); // 'ready': its handler is installed

    await expect(stopProcesses([{ child, exited, output: () => output }], 1_000)).rejects.toThrow(
      /did not stop within 1 s of SIGTERM[\s\S]*ignoring SIGTERM/,
    );
    expect((await exited).signal).toBe('SIGKILL');
  });
});
