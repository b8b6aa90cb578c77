import {
  addMemberAt,
  createBrandAt,
  createProposalAt,
  loginAt,
  provisionTestDatabase,
  RunningProcess,
  setApprovalPolicyAt,
  startApiProcesses,
  startWorkerProcesses,
  stopProcesses,
  submitForReviewAt,
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
      ...startWorkerProcesses(1, { ...testEnvironment(db), WORKER_INTERVAL_MS: '200' }),
    );
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await stopProcesses(processes);
    await db?.drop();
  });

  it("sends a subscriber on the second instance the first instance's changes and the worker's", async () => {
    const [first, second] = urls;
    const admin = await loginAt(first, TEST_ADMIN.email, TEST_ADMIN.password);
    const brandId = await createBrandAt(first, admin, 'Across processes', 'across-processes');
    const password = 'north-quarry-lantern-42';
    await addMemberAt(first, admin, brandId, {
      email: 'mo@example.test',
      roles: ['SOCIAL_MANAGER', 'CONTRIBUTOR'],
      password,
    });
    const approverId = await addMemberAt(first, admin, brandId, {
      email: 'ana@example.test',
      roles: ['APPROVER'],
      password,
    });
    const manager = await loginAt(first, 'mo@example.test', password);
    // A step with no SLA is due at the proposal's decision deadline, and expires then.
    await setApprovalPolicyAt(first, admin, brandId, [
      { name: 'Leadership', approverIds: [approverId], quorum: 'ANY', expireOnTimeout: true },
    ]);
    const createProposal = (url: string, title: string, decisionDeadline?: Date) =>
      createProposalAt(url, manager, brandId, title, decisionDeadline);

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
    await submitForReviewAt(first, manager, proposalId);

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
