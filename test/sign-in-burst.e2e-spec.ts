import { TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const COMMENT = 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }';
const BURST = 30;

/**
 * Checking a password takes argon2 a good part of a second of a core. A sign-in must not hold the
 * database (SQLite's one write turn, a PostgreSQL pool connection) meanwhile, and the checks wait
 * their turn for a core: a member's changes go through while a burst of failed sign-ins waits to
 * be checked. How fast they go is a figure of the bench (`npm run bench:sign-in-burst`,
 * docs/performance.md), not an assertion here.
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

  it(`adds a member's comments while ${BURST} wrong passwords wait to be checked, and checks every one`, async () => {
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

    for (let i = 0; i < 5; i++) {
      const response = await app.gql(
        COMMENT,
        { input: { proposalId, body: 'Noted' } },
        member.token,
      );
      expect(response.errors).toBeUndefined();
    }
    // The comments did not wait for the checks: a sign-in that held the database while it was
    // checked would have kept them until the burst was nearly over.
    expect(BURST - answered).toBeGreaterThan(BURST / 2);
    // No address tried twice: none was slowed down, each password was checked and refused.
    expect(await Promise.all(burst)).toEqual(Array(BURST).fill('UNAUTHENTICATED'));
  });
});
