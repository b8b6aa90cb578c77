import { IdempotencyKeyEntity } from '@standpoint/graphql';
import { errorCodes, TEST_ADMIN, useTestApp } from '@standpoint/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const CREATE_BRAND =
  'mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id slug } }';

/**
 * Who has Idempotency-Keys: signed-in callers only, and never for an answer that holds a
 * credential. Strangers cannot fill the key table, and no sign-in is ever stored to be replayed.
 */
describe('the scope of Idempotency-Key', () => {
  const app = useTestApp(AppModule, { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' });
  let admin: string;

  beforeAll(async () => {
    admin = await app.fixtures.admin();
  });

  const storedKeys = () => app.t.dataSource.getRepository(IdempotencyKeyEntity).count();
  const withKey = (key: string, token?: string) =>
    ({ 'idempotency-key': key, ...(token ? { authorization: `Bearer ${token}` } : {}) }) as Record<
      string,
      string
    >;
  const signIn = (key: string, token?: string) =>
    app.gql(LOGIN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password }, undefined, withKey(key, token));
  const createBrand = (slug: string, key: string, token?: string) =>
    app.gql(
      CREATE_BRAND,
      { input: { name: `Brand ${slug}`, slug } },
      undefined,
      withKey(key, token),
    );

  it('ignores the header of an anonymous sign-in: it is performed each time, and nothing is stored', async () => {
    const before = await storedKeys();
    const key = randomUUID();

    const first = await signIn(key);
    const retry = await signIn(key);

    expect([first.errors, retry.errors]).toEqual([undefined, undefined]);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await storedKeys()).toBe(before);
  });

  it('never keeps the answer of a sign-in by a signed-in caller, which holds a new access token', async () => {
    const before = await storedKeys();
    const key = randomUUID();

    const first = await signIn(key, admin);
    const retry = await signIn(key, admin);

    expect([first.errors, retry.errors]).toEqual([undefined, undefined]);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await storedKeys()).toBe(before);
  });

  it('lets no stranger store keys, with no token or with forged ones: each is UNAUTHENTICATED', async () => {
    const before = await storedKeys();

    for (let i = 0; i < 10; i++) {
      const forged = i % 2 === 0 ? undefined : `forged-token-${i}`;
      const response = await createBrand(`stranger-${i}`, randomUUID(), forged);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    }

    expect(await storedKeys()).toBe(before);
  });

  it('keeps the keys of a signed-in caller, whose retry gets the first answer', async () => {
    const before = await storedKeys();
    const key = randomUUID();

    const first = await createBrand('kept-for-a-member', key, admin);
    const retry = await createBrand('kept-for-a-member', key, admin);

    expect(first.errors).toBeUndefined();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.data).toEqual(first.data);
    expect(await storedKeys()).toBe(before + 1);
  });
});
