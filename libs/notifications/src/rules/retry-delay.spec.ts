import { afterFailure, MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it('doubles from the base with every failed attempt (jitter at its middle)', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 1000, 0.5))).toEqual([
      1000, 2000, 4000, 8000, 16000,
    ]);
  });

  it('spreads each delay over ±25 %', () => {
    expect(retryDelayMs(3, 1000, 0)).toBe(3000);
    expect(retryDelayMs(3, 1000, 0.9999)).toBeCloseTo(5000, -1);
  });

  it('never waits longer than the cap, even after many attempts', () => {
    expect(retryDelayMs(50, 30_000, 0.5)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(50, 30_000, 0)).toBe(MAX_RETRY_DELAY_MS * 0.75);
  });

  it.each([0, -1, 1.5])('refuses %p failed attempts', (n) => {
    expect(() => retryDelayMs(n, 1000, 0.5)).toThrow(RangeError);
  });
});

describe('afterFailure', () => {
  const limits = { maxAttempts: 3, retryBaseMs: 100 };

  it('retries after the back-off while attempts remain', () => {
    expect(afterFailure(1, limits, false, 0.5)).toEqual({ dead: false, retryInMs: 100 });
    expect(afterFailure(2, limits, false, 0.5)).toEqual({ dead: false, retryInMs: 200 });
  });

  it('gives up after the last attempt', () => {
    expect(afterFailure(3, limits, false, 0.5)).toEqual({ dead: true });
  });

  it('gives up at once on a permanent failure', () => {
    expect(afterFailure(1, limits, true, 0.5)).toEqual({ dead: true });
  });
});
