import {
  graphqlData,
  provisionTestDatabase,
  RunningProcess,
  runNode,
  startApiProcesses,
  stopProcesses,
  subscribe,
  TEST_ADMIN,
  TEST_DATABASE_URL,
  TestDatabase,
  testEnvironment,
  TestSubscription,
} from '@standpoint/testing';

const PROPOSAL_EVENTS =
  'subscription ($brandId: ID!) { proposalEvents(brandId: $brandId) { action proposal { id } } }';

// SQLite has one process that serves subscriptions; fanning out across processes is PostgreSQL's.
const onPostgres = TEST_DATABASE_URL ? describe : describe.skip;

/** Two built API processes and a worker on one PostgreSQL database: live updates reach them all. */
onPostgres('proposal events across API and worker processes (PostgreSQL only)', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let processes: RunningProcess[] = [];
  let urls: string[] = [];
  const open: TestSubscription[] = [];

  beforeAll(async () => {
    db = await provisionTestDatabase();
    ({ processes, urls } = await startApiProcesses(2, testEnvironment(db)));
    // The worker acts on a deadline within a moment of its passing.
    processes.push(
      runNode('dist/apps/worker/src/main.js', [], {
        ...testEnvironment(db),
        WORKER_INTERVAL_MS: '200',
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await stopProcesses(processes);
    await db?.drop();
  });

  const gql = graphqlData;
  const login = async (url: string, email: string, password: string) =>
    (
      await gql(
        url,
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: password },
      )
    ).login.token as string;

  it("sends a subscriber on the second instance the first instance's changes and the worker's", async () => {
    const [first, second] = urls;
    const admin = await login(first, TEST_ADMIN.email, TEST_ADMIN.password);
    const brandId = (
      await gql(
        first,
        'mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id } }',
        { input: { name: 'Across processes', slug: 'across-processes' } },
        admin,
      )
    ).createBrand.id as string;
    const addMember = async (email: string, roles: string[]) =>
      (
        await gql(
          first,
          'mutation ($input: AddMemberInput!) { addMember(input: $input) { user { id } } }',
          { input: { brandId, email, name: email, roles, password: 'north-quarry-lantern-42' } },
          admin,
        )
      ).addMember.user.id as string;
    await addMember('mo@example.test', ['SOCIAL_MANAGER', 'CONTRIBUTOR']);
    const approverId = await addMember('ana@example.test', ['APPROVER']);
    const manager = await login(first, 'mo@example.test', 'north-quarry-lantern-42');
    // A step with no SLA is due at the proposal's decision deadline, and expires then.
    await gql(
      first,
      'mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }',
      {
        input: {
          brandId,
          steps: [
            { name: 'Leadership', approverIds: [approverId], quorum: 'ANY', expireOnTimeout: true },
          ],
        },
      },
      admin,
    );
    const createProposal = async (url: string, title: string, decisionDeadline?: Date) =>
      (
        await gql(
          url,
          'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
          {
            input: {
              brandId,
              title,
              issue: 'Climate',
              stanceType: 'STATEMENT',
              urgency: 'ROUTINE',
              drafts: [{ channel: 'X', body: `Words for ${title}` }],
              ...(decisionDeadline ? { decisionDeadline: decisionDeadline.toISOString() } : {}),
            },
          },
          manager,
        )
      ).createProposal.id as string;

    const live = subscribe(
      second,
      PROPOSAL_EVENTS,
      { brandId },
      { authorization: `Bearer ${manager}` },
    );
    open.push(live);
    // The second instance's bus cannot be watched from here: make changes on the first until the
    // subscription, once in place, reports one, then skip to the last of them.
    const markers: string[] = [];
    let heard: string | undefined;
    for (let attempt = 1; !heard && attempt <= 20; attempt++) {
      markers.push(await createProposal(first, `Marker ${attempt}`));
      heard = (await live.next(500).catch(() => undefined))?.data?.proposalEvents.proposal.id;
    }
    expect(heard).toBeDefined();
    while (heard !== markers.at(-1)) heard = (await live.next()).data!.proposalEvents.proposal.id;

    const proposalId = await createProposal(first, 'Due in seconds', new Date(Date.now() + 4_000));
    await gql(
      first,
      'mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
      { input: { proposalId, kind: 'EMPLOYEE_SENTIMENT', summary: 'Staff support it' } },
      manager,
    );
    await gql(
      first,
      'mutation ($input: SetRecommendationInput!) { setRecommendation(input: $input) { id } }',
      { input: { proposalId, recommendation: 'PROCEED', rationale: 'Clear support' } },
      manager,
    );
    await gql(
      first,
      'mutation ($id: ID!) { submitProposal(proposalId: $id) { __typename } }',
      { id: proposalId },
      manager,
    );

    const actions: string[] = [];
    while (actions.at(-1) !== 'proposal.expired') {
      const event = await live.next();
      expect(event.errors).toBeUndefined();
      expect(event.data!.proposalEvents.proposal.id).toBe(proposalId);
      actions.push(event.data!.proposalEvents.action);
    }
    // Made through the first instance, then by the worker: reminders (as many as came due before
    // the worker acted), and the expiry.
    expect(actions.slice(0, 4)).toEqual([
      'proposal.created',
      'evidence.added',
      'recommendation.set',
      'proposal.submitted',
    ]);
    expect(new Set(actions.slice(4, -1))).toEqual(
      new Set(actions.length > 5 ? ['step.reminded'] : []),
    );
  });
});
