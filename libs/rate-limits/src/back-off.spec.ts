import { AppConfig } from '@standpoint/config';
import { DomainError, RefusalCode } from '@standpoint/errors';
import { BackOff, BackOffPolicy } from './back-off';
import { RateLimits } from './rate-limits.service';

const POLICY: BackOffPolicy = {
  name: 'test',
  attemptsWithoutDelay: 3,
  firstDelaySeconds: 1,
  maxDelaySeconds: 60,
  memorySeconds: 3600,
  refusal: 'Too many tries',
};

/** The seconds an attempt is told to wait, or undefined when it goes ahead. */
async function waitOf(attempt: Promise<void>): Promise<number | undefined> {
  try {
    await attempt;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(RefusalCode.TOO_MANY_REQUESTS);
    return (error as DomainError).details?.retryAfterSeconds as number;
  }
}

describe('BackOff (in memory, as on SQLite)', () => {
  let now: number;
  let backOff: BackOff;

  beforeEach(() => {
    now = Date.UTC(2026, 0, 1);
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const limits = new RateLimits({
      database: { dialect: 'sqlite', path: ':memory:' },
    } as AppConfig);
    backOff = new BackOff(limits, POLICY);
  });

  afterEach(() => jest.restoreAllMocks());

  const advance = (seconds: number) => (now += seconds * 1000);

  it('lets the first attempts through at once, then asks for the first delay', async () => {
    for (let i = 0; i < POLICY.attemptsWithoutDelay; i++) {
      expect(await waitOf(backOff.attempt('k'))).toBeUndefined();
    }
    expect(await waitOf(backOff.attempt('k'))).toBe(1);
  });

  it('lets one attempt through per delay and doubles the delay each time, up to the cap', async () => {
    for (let i = 0; i < POLICY.attemptsWithoutDelay; i++) await backOff.attempt('k');
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const wait = (await waitOf(backOff.attempt('k')))!;
      waits.push(wait);
      advance(wait);
      expect(await waitOf(backOff.attempt('k'))).toBeUndefined();
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('does not lengthen the wait for attempts that were refused', async () => {
    for (let i = 0; i < POLICY.attemptsWithoutDelay; i++) await backOff.attempt('k');
    for (let i = 0; i < 50; i++) expect(await waitOf(backOff.attempt('k'))).toBe(1);
    advance(1);
    expect(await waitOf(backOff.attempt('k'))).toBeUndefined();
    expect(await waitOf(backOff.attempt('k'))).toBe(2);
  });

  it('lets exactly the attempts without delay through out of many at once', async () => {
    const waits = await Promise.all(Array.from({ length: 40 }, () => waitOf(backOff.attempt('k'))));
    expect(waits.filter((wait) => wait === undefined)).toHaveLength(POLICY.attemptsWithoutDelay);
  });

  it('counts each key apart', async () => {
    for (let i = 0; i < POLICY.attemptsWithoutDelay + 1; i++) await waitOf(backOff.attempt('a'));
    expect(await waitOf(backOff.attempt('a'))).toBe(1);
    expect(await waitOf(backOff.attempt('b'))).toBeUndefined();
  });

  it('starts afresh once the attempts are forgotten, or their memory has passed', async () => {
    for (let i = 0; i < POLICY.attemptsWithoutDelay + 1; i++) await waitOf(backOff.attempt('k'));
    await backOff.forget('k');
    for (let i = 0; i < POLICY.attemptsWithoutDelay; i++) {
      expect(await waitOf(backOff.attempt('k'))).toBeUndefined();
    }
    advance(POLICY.memorySeconds);
    for (let i = 0; i < POLICY.attemptsWithoutDelay; i++) {
      expect(await waitOf(backOff.attempt('k'))).toBeUndefined();
    }
  });

  it('does not count an attempt that was given back', async () => {
    for (let i = 0; i < 10; i++) {
      await backOff.attempt('k');
      await backOff.giveBack('k');
    }
    expect(await waitOf(backOff.attempt('k'))).toBeUndefined();
  });
});
