import { isTransientDatabaseError, isUniqueViolation } from './database-errors';
import { withRetry } from './retry';

class Retryable extends Error {}
const isRetryable = (error: unknown): boolean => error instanceof Retryable;

/** An operation that fails with the given errors, one per call, then answers 'done'. */
function failing(...errors: Error[]): jest.Mock<Promise<string>, [number]> {
  let calls = 0;
  return jest.fn(async (_attempt: number) => {
    const error = errors[calls++];
    if (error) throw error;
    return 'done';
  });
}

describe('withRetry', () => {
  it('returns the value of a first successful attempt without retrying', async () => {
    const operation = failing();

    await expect(withRetry(operation, isRetryable, 3, 0)).resolves.toBe('done');
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('retries a retryable failure and returns the value that follows', async () => {
    const operation = failing(new Retryable(), new Retryable());

    await expect(withRetry(operation, isRetryable, 3, 1)).resolves.toBe('done');
    expect(operation.mock.calls.map(([attempt]) => attempt)).toEqual([1, 2, 3]);
  });

  it('gives up after `attempts` tries with the last error', async () => {
    const last = new Retryable('third');
    const operation = failing(new Retryable('first'), new Retryable('second'), last);

    await expect(withRetry(operation, isRetryable, 3, 0)).rejects.toBe(last);
    expect(operation).toHaveBeenCalledTimes(3);
  });

  it('does not retry a failure that is not retryable', async () => {
    const fatal = new Error('constraint');
    const operation = failing(fatal);

    await expect(withRetry(operation, isRetryable, 5, 0)).rejects.toBe(fatal);
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('stops at the first failure that is not retryable', async () => {
    const fatal = new Error('constraint');
    const operation = failing(new Retryable(), fatal);

    await expect(withRetry(operation, isRetryable, 5, 0)).rejects.toBe(fatal);
    expect(operation).toHaveBeenCalledTimes(2);
  });

  describe('back-off', () => {
    afterEach(() => {
      jest.useRealTimers();
      jest.restoreAllMocks();
    });

    it('waits before each retry, twice as long as before (without jitter)', async () => {
      jest.useFakeTimers();
      jest.spyOn(Math, 'random').mockReturnValue(0.5);
      const operation = failing(new Retryable(), new Retryable());

      const result = withRetry(operation, isRetryable, 3, 100);
      await jest.advanceTimersByTimeAsync(99);
      expect(operation).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(operation).toHaveBeenCalledTimes(2);
      await jest.advanceTimersByTimeAsync(199);
      expect(operation).toHaveBeenCalledTimes(2);
      await jest.advanceTimersByTimeAsync(1);
      expect(operation).toHaveBeenCalledTimes(3);
      await expect(result).resolves.toBe('done');
    });
  });

  it('tries once when attempts is 1', async () => {
    const operation = failing(new Retryable());

    await expect(withRetry(operation, isRetryable, 1, 0)).rejects.toBeInstanceOf(Retryable);
    expect(operation).toHaveBeenCalledTimes(1);
  });
});

/** A TypeORM QueryFailedError carries the driver's code itself and on `driverError`. */
const queryFailed = (code: string) =>
  Object.assign(new Error('query failed'), { code, driverError: { code } });

describe('isTransientDatabaseError', () => {
  it.each(['40001', '40P01', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT'])('is true for %s', (code) => {
    expect(isTransientDatabaseError(queryFailed(code))).toBe(true);
    expect(isTransientDatabaseError({ code })).toBe(true);
    expect(isTransientDatabaseError({ driverError: { code } })).toBe(true);
  });

  it.each(['23505', '42P01', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', '40000'])(
    'is false for %s',
    (code) => {
      expect(isTransientDatabaseError(queryFailed(code))).toBe(false);
    },
  );

  it('reads the driver code before the wrapper code', () => {
    expect(isTransientDatabaseError({ code: 'WRAPPED', driverError: { code: '40001' } })).toBe(
      true,
    );
  });

  it.each([
    ['an error without a code', new Error('boom')],
    ['a numeric code', { code: 40001 }],
    ['null', null],
    ['undefined', undefined],
    ['a string', '40001'],
  ])('is false for %s', (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it.each(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'])(
    'is true for %s',
    (code) => {
      expect(isUniqueViolation(queryFailed(code))).toBe(true);
      expect(isUniqueViolation({ code })).toBe(true);
      expect(isUniqueViolation({ driverError: { code } })).toBe(true);
    },
  );

  it.each(['23503', '40001', 'SQLITE_CONSTRAINT_FOREIGNKEY', 'SQLITE_BUSY'])(
    'is false for %s',
    (code) => {
      expect(isUniqueViolation(queryFailed(code))).toBe(false);
    },
  );

  it('is false for anything that is not a database error', () => {
    expect(isUniqueViolation(new Error('23505'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});

describe('withRetry with isTransientDatabaseError', () => {
  it('retries a serialization failure but not a unique violation', async () => {
    const serialization = failing(queryFailed('40001'));
    const duplicate = failing(queryFailed('23505'));

    await expect(withRetry(serialization, isTransientDatabaseError, 5, 0)).resolves.toBe('done');
    await expect(withRetry(duplicate, isTransientDatabaseError, 5, 0)).rejects.toMatchObject({
      code: '23505',
    });
    expect(serialization).toHaveBeenCalledTimes(2);
    expect(duplicate).toHaveBeenCalledTimes(1);
  });
});
