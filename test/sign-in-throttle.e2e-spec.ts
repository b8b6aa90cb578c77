import { errorCodes, GraphQLResponse, TestMember, useTestApp } from '@standpoint/testing';
import { PasswordHasher } from '../libs/identity/src/password-hasher';
import { AppModule } from '../src/app.module';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
/** Attempts at one account from one address that are checked before any wait. */
const WITHOUT_DELAY = 5;

type Answer = GraphQLResponse<{ login: { token: string } }>;

/** What a client makes of a sign-in answer: signed in, or the error's code. */
const outcome = (answer: Answer) =>
  answer.data?.login.token ? 'SIGNED_IN' : errorCodes(answer)[0];
const waitOf = (answer: Answer) => answer.errors?.[0].extensions?.retryAfterSeconds as number;
const count = (answers: Answer[], wanted: string) =>
  answers.filter((answer) => outcome(answer) === wanted).length;

/**
 * Moves the clock the counters read (Date.now) forward, as if the client had waited; everything
 * else keeps the real time.
 */
function skipAhead(): (seconds: number) => void {
  let skipped = 0;
  const realNow = Date.now.bind(Date);
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + skipped);
  return (seconds) => (skipped += seconds * 1000);
}

/**
 * Sign-in attempts are counted per account and address, and per address, before the password is
 * checked; past a few, each waits a delay that doubles. Behind the test's one trusted proxy hop,
 * X-Forwarded-For is the client's address.
 */
describe('sign-in attempts', () => {
  const app = useTestApp(AppModule, { TRUST_PROXY: '1' }, { signIn: 'login' });
  let member: TestMember;

  const signIn = (email: string, password: string, address: string): Promise<Answer> =>
    app.gql(LOGIN, { e: email, p: password }, undefined, { 'x-forwarded-for': address });

  beforeAll(async () => {
    const brand = await app.fixtures.brand();
    member = await app.fixtures.member(brand.id, ['APPROVER']);
  });

  afterEach(() => jest.restoreAllMocks());

  it(`checks ${WITHOUT_DELAY} of 40 parallel guesses at one account and refuses the others with a wait`, async () => {
    const checks = jest.spyOn(PasswordHasher.prototype, 'verify');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(member.email, `guess-${i}`, '198.51.100.1')),
    );
    expect(checks).toHaveBeenCalledTimes(WITHOUT_DELAY);
    expect(count(answers, 'UNAUTHENTICATED')).toBe(WITHOUT_DELAY);
    expect(count(answers, 'TOO_MANY_REQUESTS')).toBe(40 - WITHOUT_DELAY);
    for (const answer of answers.filter((a) => outcome(a) === 'TOO_MANY_REQUESTS')) {
      expect(waitOf(answer)).toEqual(expect.any(Number));
      expect(waitOf(answer)).toBeGreaterThanOrEqual(1);
      expect(answer.errors?.[0].message).toMatch(/^Too many sign-in attempts; try again in \d+ s/);
    }
  });

  it('lets the owner sign in from elsewhere while another address hammers the account', async () => {
    const hammering = Array.from({ length: 20 }, (_, i) =>
      signIn(member.email, `guess-${i}`, '198.51.100.2'),
    );
    // The first refusal answers at once, while the guesses let through are still being checked.
    await Promise.any(
      hammering.map(async (answer) => {
        if (outcome(await answer) !== 'TOO_MANY_REQUESTS') throw new Error('checked');
      }),
    );

    const fromThere = await signIn(member.email, member.password, '198.51.100.2');
    expect(outcome(fromThere)).toBe('TOO_MANY_REQUESTS');
    expect(outcome(await signIn(member.email, member.password, '192.0.2.10'))).toBe('SIGNED_IN');
    expect(count(await Promise.all(hammering), 'UNAUTHENTICATED')).toBe(WITHOUT_DELAY);

    // Once the wait has passed, the right password goes through from there too.
    skipAhead()(waitOf(fromThere));
    expect(outcome(await signIn(member.email, member.password, '198.51.100.2'))).toBe('SIGNED_IN');
  });

  it('makes each wait twice the one before, without locking the account', async () => {
    const skip = skipAhead();
    const address = '198.51.100.3';
    for (let i = 1; i < WITHOUT_DELAY; i++) {
      expect(outcome(await signIn(member.email, 'wrong', address))).toBe('UNAUTHENTICATED');
    }
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      // Two at once: one is let through, and the other told how long the next wait is.
      const pair = await Promise.all([
        signIn(member.email, 'wrong', address),
        signIn(member.email, 'wrong', address),
      ]);
      expect(pair.map(outcome).sort()).toEqual(['TOO_MANY_REQUESTS', 'UNAUTHENTICATED']);
      const wait = waitOf(pair.find((answer) => outcome(answer) === 'TOO_MANY_REQUESTS')!);
      waits.push(wait);
      skip(wait);
    }
    expect(waits).toEqual([10, 20, 40, 80]);
    expect(outcome(await signIn(member.email, member.password, address))).toBe('SIGNED_IN');
  });

  it('counts an account that does not exist like one that does', async () => {
    for (let i = 0; i < WITHOUT_DELAY; i++) {
      expect(outcome(await signIn('ghost@example.test', `wrong-${i}`, '198.51.100.4'))).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect(outcome(await signIn('ghost@example.test', 'wrong', '198.51.100.4'))).toBe(
      'TOO_MANY_REQUESTS',
    );
  });
});
