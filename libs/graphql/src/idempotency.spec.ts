import canonicalize from 'canonicalize';
import fc from 'fast-check';
import {
  claimOutcome,
  IDEMPOTENCY_KEY_TTL_MS,
  idempotencyCutoff,
  idempotencyKeyProblem,
  idempotencyScope,
  requestFingerprint,
  StoredIdempotencyKey,
} from './idempotency';

describe('idempotencyScope', () => {
  it('is a SHA-256 hex that differs per Authorization header and never contains it', () => {
    const a = idempotencyScope('Bearer token-a');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(idempotencyScope('Bearer token-a'));
    expect(idempotencyScope('Bearer token-b')).not.toBe(a);
    expect(a).not.toContain('token-a');
  });

  it('gives the callers without a header one scope of their own', () => {
    expect(idempotencyScope(undefined)).toBe(idempotencyScope(null));
    expect(idempotencyScope(undefined)).toBe(idempotencyScope(''));
    expect(idempotencyScope(undefined)).not.toBe(idempotencyScope('Bearer x'));
  });
});

describe('requestFingerprint', () => {
  const request = {
    query: 'mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id } }',
    variables: { input: { name: 'Acme', slug: 'acme' } },
    operationName: null,
  };

  it('does not depend on the order of the variables', () => {
    expect(
      requestFingerprint({ ...request, variables: { input: { slug: 'acme', name: 'Acme' } } }),
    ).toBe(requestFingerprint(request));
  });

  it('treats absent variables as none and an absent operation name as null', () => {
    expect(requestFingerprint({ query: '{ a }' })).toBe(
      requestFingerprint({ query: '{ a }', variables: {}, operationName: null }),
    );
  });

  it('changes with the query, a variable or the operation name', () => {
    const base = requestFingerprint(request);
    expect(requestFingerprint({ ...request, query: `${request.query} ` })).not.toBe(base);
    expect(
      requestFingerprint({ ...request, variables: { input: { name: 'Acme', slug: 'acme-2' } } }),
    ).not.toBe(base);
    expect(requestFingerprint({ ...request, operationName: 'Create' })).not.toBe(base);
  });

  it('tells different variables apart', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        fc.pre(canonicalize(a) !== canonicalize(b));
        expect(requestFingerprint({ query: 'q', variables: { v: a } })).not.toBe(
          requestFingerprint({ query: 'q', variables: { v: b } }),
        );
      }),
    );
  });
});

describe('idempotencyKeyProblem', () => {
  it.each(['a', '4f7d3a44-2f7b-4d0e-9a39-2c8f9b0e1d11', 'x'.repeat(255), 'key_with-symbols.~!'])(
    'accepts %p',
    (key) => {
      expect(idempotencyKeyProblem(key)).toBeUndefined();
    },
  );

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(256)],
    ['with a space', 'two words'],
    ['not ASCII', 'clé'],
    ['with a control character', 'a\tb'],
  ])('refuses a key that is %s, naming the header', (_, key) => {
    expect(idempotencyKeyProblem(key)).toMatch(/^Idempotency-Key must be 1 to 255 visible ASCII/);
  });
});

describe('idempotencyCutoff', () => {
  it('is 24 hours before now', () => {
    expect(IDEMPOTENCY_KEY_TTL_MS).toBe(86_400_000);
    expect(idempotencyCutoff(new Date('2025-01-02T12:00:00.000Z'))).toEqual(
      new Date('2025-01-01T12:00:00.000Z'),
    );
  });
});

describe('claimOutcome', () => {
  const stored = (over: Partial<StoredIdempotencyKey> = {}): StoredIdempotencyKey => ({
    claimId: 'first',
    fingerprint: 'fp',
    completedAt: null,
    status: null,
    body: null,
    ...over,
  });
  const answered = { completedAt: new Date(), status: 200, body: '{"data":{}}' };

  it('is claimed when the stored claim is this request’s', () => {
    expect(claimOutcome(stored(), 'first', 'fp')).toEqual({ kind: 'claimed' });
  });

  it('replays the stored answer for the same request', () => {
    expect(claimOutcome(stored(answered), 'second', 'fp')).toEqual({
      kind: 'replay',
      status: 200,
      body: '{"data":{}}',
    });
  });

  it('is in progress while the same request has not answered', () => {
    expect(claimOutcome(stored(), 'second', 'fp')).toEqual({ kind: 'in-progress' });
  });

  it('is a mismatch for another request, answered or not', () => {
    expect(claimOutcome(stored(), 'second', 'other')).toEqual({ kind: 'mismatch' });
    expect(claimOutcome(stored(answered), 'second', 'other')).toEqual({ kind: 'mismatch' });
  });
});
