import { backlogThenLive } from './backlog-then-live';
import { pushIterator } from './push-iterator';

/** A live source the test pushes into, and whether it is attached. */
function liveSource() {
  let listener: ((value: number) => void) | undefined;
  const iterator = pushIterator<number>((push) => {
    listener = push;
    return () => {
      listener = undefined;
    };
  });
  return {
    iterator,
    push: (value: number) => listener?.(value),
    get attached() {
      return listener !== undefined;
    },
  };
}

/** A backlog whose reads the test lets through one at a time. */
function heldBacklog(values: number[]) {
  const reads: (() => void)[] = [];
  async function* read() {
    for (const value of values) {
      await new Promise<void>((resolve) => reads.push(resolve));
      yield value;
    }
  }
  return { iterator: read(), release: () => reads.shift()?.() };
}

async function* backlogOf(values: number[]) {
  yield* values;
}

const firstValues = async (iterator: AsyncIterator<number>, count: number) => {
  const values: number[] = [];
  for (let i = 0; i < count; i += 1) values.push((await iterator.next()).value as number);
  return values;
};

describe('backlogThenLive', () => {
  it('gives the backlog, then the live values it kept, those that arrived meanwhile first', async () => {
    const live = liveSource();
    const iterator = backlogThenLive(backlogOf([1, 2, 3]), live.iterator, (seq) => seq > 3);
    // Arrived while the backlog was being read: 2 and 3 are in it already.
    [2, 3, 4].forEach(live.push);

    expect(await firstValues(iterator, 4)).toEqual([1, 2, 3, 4]);
    const later = iterator.next();
    live.push(5);
    expect(await later).toEqual({ value: 5, done: false });
  });

  it('detaches the live source at once when it ends while a backlog read is pending', async () => {
    const live = liveSource();
    const backlog = heldBacklog([1, 2]);
    const iterator = backlogThenLive(backlog.iterator, live.iterator, () => true);
    const pending = iterator.next();

    expect(await iterator.return!()).toEqual({ value: undefined, done: true });
    expect(live.attached).toBe(false);

    backlog.release();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('detaches the live source and rethrows when the backlog fails', async () => {
    const live = liveSource();
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      throw new Error('the database is gone');
    }
    const iterator = backlogThenLive(failing(), live.iterator, () => true);

    expect(await iterator.next()).toEqual({ value: 1, done: false });
    await expect(iterator.next()).rejects.toThrow('the database is gone');
    expect(live.attached).toBe(false);
  });
});
