import { TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const COMMENT = 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }';
const BURST = 30;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * Checking a password takes argon2 a good part of a second of a core. A sign-in must not hold the
 * database (SQLite's one write turn, a PostgreSQL pool connection) meanwhile, and the checks wait
 * their turn for a core: a burst of failed sign-ins then leaves members' changes nearly as fast
 * as when all is quiet.
 */
describe('a burst of failed sign-ins beside a member at work', () => {
  // Every sign-in from an address of its own, so that all of them are checked.
  const app = useTestApp(AppModule, { TRUST_PROXY: '1' }, { signIn: 'login' });
  let member: TestMember;
  let proposalId: string;

  beforeAll(async () => {
    const brand = await app.fixtures.brand();
    member = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
    proposalId = (await app.fixtures.proposal(brand.id, member.token)).id;
  });

  /** How long one comment takes to be added, in milliseconds. */
  const comment = async (): Promise<number> => {
    const started = performance.now();
    const response = await app.gql(COMMENT, { input: { proposalId, body: 'Noted' } }, member.token);
    expect(response.errors).toBeUndefined();
    return performance.now() - started;
  };

  it(`keeps a member's comments within a few times their quiet latency while ${BURST} wrong passwords are checked`, async () => {
    const quiet: number[] = [];
    for (let i = 0; i < 5; i++) quiet.push(await comment());

    let answered = 0;
    const burst = Array.from({ length: BURST }, (_, i) =>
      app
        .gql(LOGIN, { e: `guess-${i}@example.test`, p: 'wrong' }, undefined, {
          'x-forwarded-for': `203.0.113.${i + 1}`,
        })
        .then((response) => {
          answered++;
          return response.errors?.[0].extensions?.code;
        }),
    );
    // Once one has been answered, the others are all received and waiting for their check.
    await Promise.race(burst);

    const beside: number[] = [];
    for (let i = 0; i < 5; i++) beside.push(await comment());
    const stillChecking = BURST - answered;

    expect(await Promise.all(burst)).toEqual(Array(BURST).fill('UNAUTHENTICATED'));
    // Each took a few times the quiet latency, not the burst's length (held transactions made it
    // 140 times on SQLite)...
    expect(Math.max(...beside) / median(quiet)).toBeLessThan(20);
    // ...measured while most of the burst was still waiting to be checked.
    expect(stillChecking).toBeGreaterThan(BURST / 2);
  });
});
