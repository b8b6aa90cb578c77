import { idPrefix, newId } from './ids';

describe('newId', () => {
  it('starts with the prefix and an underscore', () => {
    expect(newId('prp')).toMatch(/^prp_[0-9a-f-]{36}$/);
  });

  it('is different every time', () => {
    const ids = Array.from({ length: 1000 }, () => newId('usr'));

    expect(new Set(ids).size).toBe(ids.length);
  });

  describe('in string order', () => {
    const start = new Date('2025-01-01T00:00:00.000Z').getTime();

    beforeEach(() => {
      jest.useFakeTimers({ now: start });
    });
    afterEach(() => {
      jest.useRealTimers();
    });

    it('sorts ids made in the same millisecond in the order they were made', () => {
      const ids = Array.from({ length: 1000 }, () => newId('aud'));

      expect([...ids].sort()).toEqual(ids);
    });

    it('sorts an id made later after one made earlier', () => {
      const ids: string[] = [];
      for (const ms of [0, 1, 999, 60_000, 86_400_000 * 365 * 20]) {
        jest.setSystemTime(start + ms);
        ids.push(newId('brd'));
      }

      expect([...ids].sort()).toEqual(ids);
    });
  });
});

describe('idPrefix', () => {
  it.each(['usr', 'brd', 'mbr', 'aud', 'ab', 'abcdefgh'])('recovers the prefix %s', (prefix) => {
    expect(idPrefix(newId(prefix))).toBe(prefix);
  });

  const uuid = newId('id').slice('id_'.length);

  it.each([
    ['an empty string', ''],
    ['a bare UUIDv7', uuid],
    ['a prefix alone', 'prp_'],
    ['a one-letter prefix', `p_${uuid}`],
    ['a nine-letter prefix', `abcdefghi_${uuid}`],
    ['an upper-case prefix', `PRP_${uuid}`],
    ['an upper-case UUID', `prp_${uuid.toUpperCase()}`],
    ['a UUIDv4', 'prp_0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['a wrong separator', `prp-${uuid}`],
    ['trailing text', `prp_${uuid}x`],
    ['a trailing newline', `prp_${uuid}\n`],
    ['leading text', ` prp_${uuid}`],
  ])('rejects %s', (_, id) => {
    expect(idPrefix(id)).toBeUndefined();
  });
});
