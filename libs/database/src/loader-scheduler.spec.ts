import DataLoader from 'dataloader';
import { LoaderScheduler } from './loader-scheduler';

describe('LoaderScheduler', () => {
  /** A loader whose batches are recorded and finish when the test says so. */
  function recordingLoader(scheduler: LoaderScheduler, batches: string[][]) {
    const releases: (() => void)[] = [];
    const loader = new DataLoader<string, string>(
      scheduler.track(async (keys) => {
        batches.push([...keys]);
        await new Promise<void>((resolve) => releases.push(resolve));
        return keys.map((key) => key.toUpperCase());
      }),
      { batchScheduleFn: scheduler.schedule },
    );
    return { loader, release: () => releases.splice(0).forEach((release) => release()) };
  }

  it('sends the loads asked for after concurrent batches finish as one batch, whatever their order', async () => {
    const scheduler = new LoaderScheduler();
    const [evidenceBatches, notesBatches, userBatches]: string[][][] = [[], [], []];
    const evidence = recordingLoader(scheduler, evidenceBatches);
    const notes = recordingLoader(scheduler, notesBatches);
    const users = recordingLoader(scheduler, userBatches);

    const a = evidence.loader.load('e').then(() => users.loader.load('author of e'));
    const b = notes.loader.load('n').then(() => users.loader.load('author of n'));
    await new Promise((resolve) => setImmediate(resolve));

    evidence.release(); // the first list returns; its users wait for the other list
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(userBatches).toEqual([]);

    notes.release();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(userBatches).toEqual([['author of e', 'author of n']]);
    users.release();
    expect(await Promise.all([a, b])).toEqual(['AUTHOR OF E', 'AUTHOR OF N']);
  });

  it('does not send a load while any batch of the request is still running', async () => {
    const scheduler = new LoaderScheduler();
    const slowBatches: string[][] = [];
    const otherBatches: string[][] = [];
    const slow = recordingLoader(scheduler, slowBatches);
    const other = recordingLoader(scheduler, otherBatches);

    const first = slow.loader.load('s');
    await new Promise((resolve) => setImmediate(resolve));
    const second = other.loader.load('o');
    await new Promise((resolve) => setImmediate(resolve));
    expect(otherBatches).toEqual([]);

    slow.release();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(otherBatches).toEqual([['o']]);
    other.release();
    expect(await second).toBe('O');
  });
});
