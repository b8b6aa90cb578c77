import * as argon2 from 'argon2';
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PasswordHasher } from './password-hasher';

jest.mock('argon2', () => ({ argon2id: 2, hash: jest.fn(), verify: jest.fn() }));

describe('PasswordHasher', () => {
  it('runs argon2 on every core but one at most, however many ask at once', async () => {
    let running = 0;
    let most = 0;
    const work = async <T>(result: T): Promise<T> => {
      most = Math.max(most, ++running);
      await nextTurn();
      running--;
      return result;
    };
    jest.mocked(argon2.hash).mockImplementation(() => work('$argon2id$digest'));
    jest.mocked(argon2.verify).mockImplementation(() => work(false));
    const hasher = new PasswordHasher();

    await Promise.all([
      ...Array.from({ length: 8 }, () => hasher.verify('$argon2id$stored', 'guess')),
      ...Array.from({ length: 8 }, () => hasher.verify(null, 'guess')),
      ...Array.from({ length: 8 }, () => hasher.hash('new password')),
    ]);

    expect(argon2.verify).toHaveBeenCalledTimes(16);
    expect(most).toBe(Math.max(1, availableParallelism() - 1));
  });

  it('fails an unknown account after a check like any other', async () => {
    jest.mocked(argon2.hash).mockResolvedValue('$argon2id$decoy');
    jest.mocked(argon2.verify).mockResolvedValue(true);
    const hasher = new PasswordHasher();

    expect(await hasher.verify(null, 'anything')).toBe(false);
    expect(argon2.verify).toHaveBeenLastCalledWith('$argon2id$decoy', 'anything');
    expect(await hasher.verify('$argon2id$stored', 'right')).toBe(true);
  });
});
