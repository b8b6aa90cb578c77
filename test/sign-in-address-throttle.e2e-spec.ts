import { errorCodes, GraphQLResponse, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
/** Attempts from one address, at any accounts, that are checked before any wait. */
const WITHOUT_DELAY = 30;

type Answer = GraphQLResponse<{ login: { token: string } }>;

const outcome = (answer: Answer) =>
  answer.data?.login.token ? 'SIGNED_IN' : errorCodes(answer)[0];

/**
 * Per address, attempts at any accounts are counted too, with more of them before the first wait:
 * one office may hold many people. Behind the test's one trusted proxy hop, X-Forwarded-For is the
 * client's address.
 */
describe('sign-in attempts from one address', () => {
  const app = useTestApp(AppModule, { TRUST_PROXY: '1' });

  const signIn = (email: string, password: string, address: string): Promise<Answer> =>
    app.gql(LOGIN, { e: email, p: password }, undefined, { 'x-forwarded-for': address });

  it(`checks ${WITHOUT_DELAY} at any accounts, not counting successful ones, then makes only that address wait`, async () => {
    const brand = await app.fixtures.brand();
    const member = await app.fixtures.member(brand.id, ['APPROVER']);
    const office = '198.51.100.20';
    const guess = (i: number) => signIn(`guess-${i}@example.test`, 'wrong', office);

    const guesses = await Promise.all(
      Array.from({ length: WITHOUT_DELAY - 2 }, (_, i) => guess(i)),
    );
    expect(guesses.map(outcome)).toEqual(Array(WITHOUT_DELAY - 2).fill('UNAUTHENTICATED'));
    // Colleagues signing in from the same office are not charged for it...
    for (let i = 0; i < 2; i++) {
      expect(outcome(await signIn(member.email, member.password, office))).toBe('SIGNED_IN');
    }
    // ...so the last two attempts without delay are still there...
    for (let i = WITHOUT_DELAY - 2; i < WITHOUT_DELAY; i++) {
      expect(outcome(await guess(i))).toBe('UNAUTHENTICATED');
    }
    // ...and after them the address waits, whoever signs in from it.
    const refused = await signIn(member.email, member.password, office);
    expect(outcome(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(10);
    expect(outcome(await signIn(member.email, member.password, '192.0.2.20'))).toBe('SIGNED_IN');
  });
});
