import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/** What the package answers, or the error it throws. */
const outcome = (canonical: (value: unknown) => string | undefined, value: unknown) => {
  try {
    return { text: canonical(value) };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

describe('canonicalJson', () => {
  it('writes exactly what the canonicalize package writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('and for values that are not JSON: undefined members, dates, odd numbers, functions', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withNullPrototype: true,
          withSparseArray: true,
        }),
        (value) => {
          expect(outcome(canonicalJson, value)).toEqual(outcome(canonicalize, value));
        },
      ),
      { numRuns: 2000 },
    );
    for (const value of [
      NaN,
      -Infinity,
      -0,
      1e21,
      { b: undefined, a: [undefined, () => 1, Symbol('s')], c: new Date(0) },
      { toJSON: () => ({ z: 1, a: 2 }) },
      { '10': 1, '2': 2, é: 3, e: 4, '\ud83d': 5 },
    ])
      expect(outcome(canonicalJson, value)).toEqual(outcome(canonicalize, value));
  });
});
