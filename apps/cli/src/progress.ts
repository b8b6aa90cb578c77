/** Where progress is shown: the standard error of the command, or a stand-in in a test. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** The count so far; shown at most ten times a second. */
  update(done: number): void;
  /** The final count, on a line of its own. */
  end(done: number): void;
}

const EVERY_MS = 100;

/**
 * A count that a long command rewrites on one line of a terminal ("checked 41,000/100,000 events"),
 * on standard error so that standard output stays the command's answer. In a pipe or a file it
 * writes nothing at all: a script reads only the answer.
 */
export function terminalProgress(
  label: (done: number) => string,
  stream: ProgressStream = process.stderr,
  now: () => number = Date.now,
): Progress {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  let shownAt = -Infinity;
  return {
    update(done) {
      if (now() - shownAt < EVERY_MS) return;
      shownAt = now();
      stream.write(`\r${label(done)}`);
    },
    end(done) {
      stream.write(`\r${label(done)}\n`);
    },
  };
}

/** 41000 → "41,000". */
export const count = (n: number) => n.toLocaleString('en-US');
