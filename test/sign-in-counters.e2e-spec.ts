import {
  errorCodes,
  GraphQLResponse,
  startTestApp,
  TEST_DATABASE_URL,
  TestApp,
  useTestApp,
} from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
/** Attempts from one address, at any accounts, that go ahead before any wait. */
const WITHOUT_DELAY = 30;
/** Attempts at one account from one address that are checked before any wait. */
const PER_ACCOUNT = 5;

type Answer = GraphQLResponse<{ login: { token: string } }>;

const outcome = (answer: Answer) =>
  answer.data?.login.token ? 'SIGNED_IN' : errorCodes(answer)[0];

/**
 * Per address, attempts at any accounts are counted too, with more of them before the first wait:
 * one office may hold many people. Behind the test's one trusted proxy hop, X-Forwarded-For is the
 * client's address.
 */
describe('sign-in attempts from one address', () => {
  const app = useTestApp(AppModule, { TRUST_PROXY: '1' }, { signIn: 'login' });

  const signIn = (email: string, password: string, address: string): Promise<Answer> =>
    app.gql(LOGIN, { e: email, p: password }, undefined, { 'x-forwarded-for': address });

  it(`lets ${WITHOUT_DELAY} attempts through, not counting successful ones, then makes only that address wait`, async () => {
    const brand = await app.fixtures.brand();
    const member = await app.fixtures.member(brand.id, ['APPROVER']);
    const office = '198.51.100.20';

    // Hammering one account: the address counts every attempt, the account's own delay refuses most.
    const hammering = await Promise.all(
      Array.from({ length: WITHOUT_DELAY - 4 }, (_, i) =>
        signIn('ghost@example.test', `guess-${i}`, office),
      ),
    );
    expect(hammering.filter((a) => outcome(a) === 'UNAUTHENTICATED')).toHaveLength(PER_ACCOUNT);
    // Colleagues signing in from the same office are not charged for it...
    for (let i = 0; i < 2; i++) {
      expect(outcome(await signIn(member.email, member.password, office))).toBe('SIGNED_IN');
    }
    // ...so the last four attempts without delay are still there, at any accounts...
    for (let i = 0; i < 4; i++) {
      expect(outcome(await signIn(`guess-${i}@example.test`, 'wrong', office))).toBe(
        'UNAUTHENTICATED',
      );
    }
    // ...and after them the address waits, whoever signs in from it.
    const refused = await signIn(member.email, member.password, office);
    expect(outcome(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(10);
    expect(outcome(await signIn(member.email, member.password, '192.0.2.20'))).toBe('SIGNED_IN');
  });
});

/** On PostgreSQL the counters are rows of the database: every API instance counts together. */
const onPostgres = TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('sign-in attempts on two API instances of one PostgreSQL database', () => {
  const first = useTestApp(AppModule, {}, { signIn: 'login' });
  let second: TestApp;

  beforeAll(async () => {
    second = await startTestApp(AppModule, {}, { database: first.t.database });
  });
  afterAll(() => second?.close());

  it('counts the attempts made on either instance together', async () => {
    const brand = await first.fixtures.brand();
    const member = await first.fixtures.member(brand.id, ['APPROVER']);
    const signIn = (on: TestApp, password: string) =>
      on.gql(LOGIN, { e: member.email, p: password }) as Promise<Answer>;

    for (let i = 0; i < PER_ACCOUNT; i++) {
      expect(outcome(await signIn(i % 2 ? second : first.t, `wrong-${i}`))).toBe('UNAUTHENTICATED');
    }
    expect(outcome(await signIn(first.t, member.password))).toBe('TOO_MANY_REQUESTS');
    expect(outcome(await signIn(second, member.password))).toBe('TOO_MANY_REQUESTS');
  });
});
