import { terminalProgress } from './progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('terminal progress', () => {
  it('rewrites one line of a terminal, at most ten times a second, and ends it', () => {
    const terminal = stream(true);
    let clock = 0;
    const progress = terminalProgress(
      (n) => `checked ${n} events`,
      terminal,
      () => clock,
    );
    progress.update(1);
    progress.update(2);
    clock = 100;
    progress.update(3);
    progress.end(4);
    expect(terminal.written).toEqual([
      '\rchecked 1 events',
      '\rchecked 3 events',
      '\rchecked 4 events\n',
    ]);
  });

  it('writes nothing in a pipe or a file', () => {
    const pipe = stream(false);
    const progress = terminalProgress((n) => `checked ${n}`, pipe);
    progress.update(1);
    progress.end(2);
    expect(pipe.written).toEqual([]);
  });
});
