import { pushIterator } from './push-iterator';

/** A push source whose listener the test drives, and whether it is attached. */
function source<T>() {
  let listener: ((value: T) => void) | undefined;
  return {
    start: (push: (value: T) => void) => {
      listener = push;
      return () => {
        listener = undefined;
      };
    },
    push: (value: T) => listener?.(value),
    get attached() {
      return listener !== undefined;
    },
  };
}

describe('pushIterator', () => {
  it('attaches at once and yields pushed values in order, buffered until asked for', async () => {
    const events = source<number>();
    const iterator = pushIterator(events.start);
    expect(events.attached).toBe(true);

    events.push(1);
    events.push(2);

    expect(await iterator.next()).toEqual({ value: 1, done: false });
    expect(await iterator.next()).toEqual({ value: 2, done: false });
  });

  it('resolves a pending next with the next value pushed', async () => {
    const events = source<string>();
    const iterator = pushIterator(events.start);
    const first = iterator.next();
    const second = iterator.next();

    events.push('a');
    events.push('b');

    expect(await first).toEqual({ value: 'a', done: false });
    expect(await second).toEqual({ value: 'b', done: false });
  });

  it('detaches on return, ends pending and later nexts, and drops what was buffered', async () => {
    const events = source<number>();
    const iterator = pushIterator(events.start);
    const pending = iterator.next();

    expect(await iterator.return!()).toEqual({ value: undefined, done: true });

    expect(events.attached).toBe(false);
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('ignores values pushed after it ended', async () => {
    let push: ((value: number) => void) | undefined;
    const iterator = pushIterator<number>((p) => {
      push = p;
      return () => undefined; // a source that keeps calling even after it was told to stop
    });
    await iterator.return!();
    push!(1);

    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('detaches on throw and rethrows the error', async () => {
    const events = source<number>();
    const iterator = pushIterator(events.start);

    await expect(iterator.throw!(new Error('stop'))).rejects.toThrow('stop');
    expect(events.attached).toBe(false);
  });

  it('works with for await', async () => {
    const events = source<number>();
    const iterator = pushIterator(events.start);
    [1, 2, 3].forEach(events.push);
    const seen: number[] = [];
    for await (const value of iterator) {
      seen.push(value);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(events.attached).toBe(false);
  });
});
