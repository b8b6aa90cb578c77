import { DomainError, RefusalCode } from '@standpoint/errors';
import fc from 'fast-check';
import { CursorKeyKind, cursors, pageSize, toConnection } from './connection';

/** The error `run` throws, or fails the test when it throws none. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const badUserInput = expect.objectContaining({ code: RefusalCode.BAD_USER_INPUT });

describe('pageSize', () => {
  it('is the default when first is not given', () => {
    expect(pageSize(undefined, 20, 100)).toBe(20);
    expect(pageSize(null, 20, 100)).toBe(20);
  });

  it('is first when it is between 1 and the maximum', () => {
    expect(pageSize(1, 20, 100)).toBe(1);
    expect(pageSize(37, 20, 100)).toBe(37);
    expect(pageSize(100, 20, 100)).toBe(100);
  });

  it('refuses more than the maximum as BAD_USER_INPUT naming first and the bound', () => {
    const error = thrownBy(() => pageSize(101, 20, 100));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: RefusalCode.BAD_USER_INPUT,
      message: expect.stringContaining('100'),
      details: { fields: [expect.objectContaining({ field: 'first' })] },
    });
  });

  it.each([
    [0, 'min'],
    [-1, 'min'],
    [1.5, 'isInt'],
    [Number.NaN, 'isInt'],
    [Number.POSITIVE_INFINITY, 'isInt'],
  ])('refuses %p, naming the rule %s', (first, rule) => {
    const error = thrownBy(() => pageSize(first, 20, 100));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toEqual(badUserInput);
    expect((error as DomainError).message).toMatch(
      /first must be a whole number between 1 and 100/,
    );
    expect((error as DomainError).details).toEqual({
      fields: [expect.objectContaining({ field: 'first', rules: [rule] })],
    });
  });

  it('holds each list to its own maximum', () => {
    expect(pageSize(500, 50, 500)).toBe(500);
    expect(() => pageSize(501, 50, 500)).toThrow(DomainError);
  });
});

describe('cursors', () => {
  it('decode gives back the key that was encoded, for the kinds of key it was made of', () => {
    const idText = fc.string({ unit: 'grapheme', maxLength: 100 });
    fc.assert(
      fc.property(fc.integer(), idText, (seq, id) => {
        expect(cursors.decode(cursors.encode([seq, id]), ['number', 'string'])).toEqual([seq, id]);
      }),
    );
  });

  it("decode takes a number or a text where the list's key may be either", () => {
    const either = ['number or string', 'string'] as const;
    expect(cursors.decode(cursors.encode(['', 'prp_1']), either)).toEqual(['', 'prp_1']);
    expect(cursors.decode(cursors.encode([1767225600000, 'prp_1']), either)).toEqual([
      1767225600000,
      'prp_1',
    ]);
    expect(() => cursors.decode(cursors.encode([1.5, 'prp_1']), either)).toThrow(DomainError);
  });

  it('are opaque URL-safe text', () => {
    expect(cursors.encode(['2025-01-01T00:00:00.000Z', 'prp_1'])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  const encoded = (json: string): string => Buffer.from(json).toString('base64url');

  const aSeq = ['number'] as const;
  const anId = ['string'] as const;
  it.each<[string, string, readonly CursorKeyKind[]]>([
    ['not base64 JSON', 'not a cursor!', anId],
    ['empty', '', anId],
    ['an object', encoded('{"seq":1}'), aSeq],
    ['a string', encoded('"prp_1"'), anId],
    ['null', encoded('null'), anId],
    ['an array holding a boolean', encoded('[true]'), anId],
    ['an array holding null', encoded('[null]'), anId],
    ['a nested array', encoded('[[1]]'), aSeq],
    ['a text where a number belongs', encoded('["abc"]'), aSeq],
    ['a number where a text belongs', encoded('[1]'), anId],
    ['a fraction', encoded('[1.5]'), aSeq],
    ['a number beyond the safe integers', encoded('[1e300]'), aSeq],
    ['too many keys', encoded('[1,2]'), aSeq],
    ['no key', encoded('[]'), aSeq],
    ['a NUL in a text key', encoded('["prp\\u0000"]'), anId],
    ['a lone surrogate in a text key', encoded('["\\ud800"]'), anId],
    ['a very long cursor', encoded(`["${'a'.repeat(2000)}"]`), anId],
  ])('decode refuses %s as BAD_USER_INPUT', (_, cursor, kinds) => {
    const error = thrownBy(() => cursors.decode(cursor, kinds));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: RefusalCode.BAD_USER_INPUT,
      details: { fields: [expect.objectContaining({ field: 'after' })] },
    });
  });

  it('decode answers any text with a key of the kinds asked for or BAD_USER_INPUT, never another error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (cursor) => {
        try {
          const [seq, id] = cursors.decode(cursor, ['number', 'string']);
          expect([Number.isSafeInteger(seq), typeof id]).toEqual([true, 'string']);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect(error).toEqual(badUserInput);
        }
      }),
    );
  });
});

describe('toConnection', () => {
  interface Row {
    id: string;
    seq: number;
  }
  const rowsOf = (count: number): Row[] =>
    Array.from({ length: count }, (_, i) => ({ id: `row_${i + 1}`, seq: i + 1 }));
  const connect = (rows: Row[], size: number, total = 99) =>
    toConnection(
      rows,
      size,
      total,
      (row) => [row.seq, row.id],
      (row) => row.id,
    );

  it('has a next page when the extra row came back', () => {
    const connection = connect(rowsOf(4), 3);

    expect(connection.edges.map((edge) => edge.node)).toEqual(['row_1', 'row_2', 'row_3']);
    expect(connection.pageInfo.hasNextPage).toBe(true);
  });

  it('has no next page when no more than the page came back', () => {
    expect(connect(rowsOf(3), 3).pageInfo.hasNextPage).toBe(false);
    expect(connect(rowsOf(2), 3).pageInfo.hasNextPage).toBe(false);
  });

  it('ends at the cursor of the last edge, which decodes to its key', () => {
    const connection = connect(rowsOf(4), 3);
    const { endCursor } = connection.pageInfo;

    expect(endCursor).toBe(connection.edges[2].cursor);
    expect(cursors.decode(endCursor!, ['number', 'string'])).toEqual([3, 'row_3']);
  });

  it('gives each edge the cursor of its own row', () => {
    const connection = connect(rowsOf(3), 3);

    expect(
      connection.edges.map((edge) => cursors.decode(edge.cursor, ['number', 'string'])),
    ).toEqual([
      [1, 'row_1'],
      [2, 'row_2'],
      [3, 'row_3'],
    ]);
  });

  it('is empty with a null end cursor when there are no rows', () => {
    expect(connect([], 10, 0)).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 0,
    });
  });

  it('reports the total count it is given', () => {
    expect(connect(rowsOf(4), 3, 42).totalCount).toBe(42);
  });
});
