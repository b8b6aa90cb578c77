import {
  freePort,
  postGraphQL,
  provisionTestDatabase,
  runNode,
  subscribe,
  TEST_ADMIN,
  testEnvironment,
  TestDatabase,
  TestSubscription,
} from '@standpoint/testing';

/** The built all-in-one server (`node dist/src/main.js`) serves subscriptions on its HTTP port. */
describe('subscriptions in the all-in-one server', () => {
  // A built server starting on a loaded machine (see RunningProcess.healthy).
  jest.setTimeout(120_000);
  let db: TestDatabase;
  beforeEach(async () => {
    db = await provisionTestDatabase();
  });
  afterEach(() => db.drop());

  it('upgrades /graphql to graphql-ws: refuses a connection without a token, streams changes to a member', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = runNode('dist/src/main.js', [], { ...testEnvironment(db), PORT: String(port) });
    const open: TestSubscription[] = [];
    try {
      await server.healthy(url);
      const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
        const response = await postGraphQL(url, query, variables, token);
        expect(response.errors).toBeUndefined();
        return response.data!;
      };
      const admin = (
        await gql(
          'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          {
            e: TEST_ADMIN.email,
            p: TEST_ADMIN.password,
          },
        )
      ).login.token;
      const brandId = (
        await gql(
          'mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id } }',
          { input: { name: 'Live', slug: 'live' } },
          admin,
        )
      ).createBrand.id;
      await gql(
        'mutation ($input: AddMemberInput!) { addMember(input: $input) { roles } }',
        {
          input: {
            brandId,
            email: 'sam@example.test',
            name: 'Sam',
            roles: ['SOCIAL_MANAGER'],
            password: 'sam-harbour-lantern-77',
          },
        },
        admin,
      );
      const sam = (
        await gql(
          'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          {
            e: 'sam@example.test',
            p: 'sam-harbour-lantern-77',
          },
        )
      ).login.token;
      const query =
        'subscription ($brandId: ID!) { proposalEvents(brandId: $brandId) { action proposal { id title } } }';

      const anonymous = subscribe(url, query, { brandId });
      open.push(anonymous);
      expect((await anonymous.failed).code).toBe(4403);

      const live = subscribe(url, query, { brandId }, { authorization: `Bearer ${sam}` });
      open.push(live);
      // This process's event bus cannot be watched from here, so keep changing until the
      // subscription, once in place, reports a change (each change is a new proposal).
      const created: string[] = [];
      let event: Awaited<ReturnType<TestSubscription['next']>> | undefined;
      for (let attempt = 1; !event && attempt <= 20; attempt++) {
        created.push(
          (
            await gql(
              'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
              {
                input: {
                  brandId,
                  title: `Attempt ${attempt}`,
                  issue: 'Climate',
                  stanceType: 'STATEMENT',
                  urgency: 'ROUTINE',
                  drafts: [{ channel: 'X', body: `Words ${attempt}` }],
                },
              },
              sam,
            )
          ).createProposal.id,
        );
        event = await live.next(500).catch(() => undefined);
      }
      expect(event?.errors).toBeUndefined();
      expect(event?.data?.proposalEvents.action).toBe('proposal.created');
      expect(created).toContain(event?.data?.proposalEvents.proposal.id);
    } finally {
      await Promise.all(open.map((s) => s.close()));
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
