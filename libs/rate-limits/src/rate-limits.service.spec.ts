import { AppConfig } from '@standpoint/config';
import { DomainError, RefusalCode } from '@standpoint/errors';
import { RateLimit } from './rate-limit';
import { RateLimits } from './rate-limits.service';

const LIMIT: RateLimit = { name: 'test', points: 10, durationSeconds: 60, refusal: 'Too many' };

describe('RateLimits (in memory, as on SQLite)', () => {
  let now: number;
  let limits: RateLimits;

  beforeEach(() => {
    now = Date.UTC(2026, 0, 1);
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    limits = new RateLimits({ database: { dialect: 'sqlite', path: ':memory:' } } as AppConfig);
  });

  afterEach(() => jest.restoreAllMocks());

  it('spends points until the budget is spent, then answers the seconds left in the window', async () => {
    expect(await limits.take(LIMIT, 'k', 6)).toBeUndefined();
    now += 15_000;
    expect(await limits.take(LIMIT, 'k', 4)).toBeUndefined();
    expect(await limits.take(LIMIT, 'k')).toEqual({ retryAfterSeconds: 45 });
    now += 45_000;
    expect(await limits.take(LIMIT, 'k', 10)).toBeUndefined();
  });

  it('charges nothing for a refused request', async () => {
    await limits.take(LIMIT, 'k', 8);
    expect(await limits.take(LIMIT, 'k', 5)).toEqual({ retryAfterSeconds: 60 });
    expect(await limits.take(LIMIT, 'k', 2)).toBeUndefined();
  });

  it('refuses through consume with TOO_MANY_REQUESTS, the wait in the message and in the details', async () => {
    await limits.consume(LIMIT, 'k', 10);
    const refusal = await limits.consume(LIMIT, 'k').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: RefusalCode.TOO_MANY_REQUESTS,
      message: 'Too many; try again in 60 seconds',
      details: { retryAfterSeconds: 60 },
    });
  });

  it('keeps one budget per key and per limit', async () => {
    await limits.consume(LIMIT, 'a', 10);
    expect(await limits.take(LIMIT, 'b', 10)).toBeUndefined();
    expect(await limits.take({ ...LIMIT, name: 'other' }, 'a', 10)).toBeUndefined();
  });
});
