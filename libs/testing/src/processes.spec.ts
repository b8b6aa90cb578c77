import { freePort, runNode } from './processes';

describe('a started process', () => {
  // Without the race on its exit, the wait would end in a time-out that names no cause.
  it('that ends before it is healthy is reported as ended, with what it said', async () => {
    const cli = runNode('bin/standpoint.js', ['frobnicate'], {});
    await expect(cli.healthy(`http://127.0.0.1:${await freePort()}`, 30_000)).rejects.toThrow(
      /ended \(exit 2\) before it was healthy:[\s\S]*frobnicate/,
    );
  });
});
