import { AuditEventBus, AuditService, LISTENER_NAME } from '@standpoint/audit';
import {
  errorCodes,
  startTestApp,
  subscribe,
  TEST_DATABASE_URL,
  TestApp,
  TestBrand,
  TestMember,
  TestSubscription,
  useTestApp,
  waitFor,
} from '@standpoint/testing';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';

const PROPOSAL_EVENTS = `subscription ($brandId: ID!, $afterSeq: Int) {
  proposalEvents(brandId: $brandId, afterSeq: $afterSeq) { action proposal { id } }
}`;

// SQLite has one process that serves subscriptions; fanning out across instances is PostgreSQL's.
const onPostgres = TEST_DATABASE_URL ? describe : describe.skip;

/** Live updates through PostgreSQL LISTEN/NOTIFY: two API instances on one database. */
onPostgres('proposal events across API instances', () => {
  const app = useTestApp(AppModule);
  let second: TestApp;
  let brand: TestBrand;
  let manager: TestMember;
  let reviewer: TestMember;
  const open: TestSubscription[] = [];

  beforeAll(async () => {
    second = await startTestApp(AppModule, {}, { database: app.t.database });
    brand = await app.fixtures.brand();
    manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER', 'CONTRIBUTOR']);
    reviewer = await app.fixtures.member(brand.id, ['AUDITOR']);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(open.splice(0).map((s) => s.close()));
    for (const instance of [app.t, second]) {
      const bus = instance.app.get(AuditEventBus);
      await waitFor('the subscriptions to be let go', () => bus.listenerCount(brand.id) === 0, {
        intervalMs: 5,
      });
    }
  });
  afterAll(() => second?.close());

  /**
   * Subscribes on `instance` (resuming after `afterSeq` if given) and waits until it listens for
   * the brand's events.
   */
  const listen = async (instance: TestApp, afterSeq?: number): Promise<TestSubscription> => {
    const bus = instance.app.get(AuditEventBus);
    const before = bus.listenerCount(brand.id);
    const subscription = subscribe(
      instance.url,
      PROPOSAL_EVENTS,
      afterSeq === undefined ? { brandId: brand.id } : { brandId: brand.id, afterSeq },
      { authorization: `Bearer ${reviewer.token}` },
    );
    open.push(subscription);
    await waitFor('the subscription to listen', () => bus.listenerCount(brand.id) > before, {
      intervalMs: 5,
    });
    return subscription;
  };

  const createProposal = async (instance: TestApp, title: string) => {
    const response = await instance.gql(
      'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
      {
        input: {
          brandId: brand.id,
          title,
          issue: 'Climate',
          stanceType: 'STATEMENT',
          urgency: 'ROUTINE',
          drafts: [{ channel: 'THREADS', body: `Words for ${title}` }],
        },
      },
      manager.token,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.createProposal.id as string;
  };
  const addComment = (instance: TestApp, proposalId: string, body: string) =>
    instance.gql(
      'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { input: { proposalId, body } },
      manager.token,
    );
  const comment = async (instance: TestApp, proposalId: string, body: string) =>
    expect((await addComment(instance, proposalId, body)).errors).toBeUndefined();

  /** The next events of `subscription`, as action and proposal id. */
  const nextEvents = async (subscription: TestSubscription, count: number) => {
    const events: { action: string; proposal: { id: string } }[] = [];
    for (let i = 0; i < count; i += 1) {
      const result = await subscription.next();
      expect(result.errors).toBeUndefined();
      events.push(result.data!.proposalEvents);
    }
    return events;
  };

  /** The pids of the LISTEN connections on the database, whichever instance holds them. */
  const listeners = async () =>
    (
      await app.t.dataSource.query<{ pid: number }[]>(
        'SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
        [LISTENER_NAME],
      )
    ).map(({ pid }) => pid);

  it('holds a LISTEN connection only while an instance has had a subscriber, and closes it on shutdown', async () => {
    const before = await listeners();
    const third = await startTestApp(AppModule, {}, { database: app.t.database });
    try {
      expect(await listeners()).toEqual(before);
      await listen(third);
      expect((await listeners()).length).toBe(before.length + 1);
      await Promise.all(open.splice(0).map((s) => s.close()));
    } finally {
      await third.close();
    }
    await waitFor('its LISTEN connection to be closed', async () =>
      (await listeners()).every((pid) => before.includes(pid)),
    );
  });

  it('sends a subscriber on one instance the changes made on the other, in order, once', async () => {
    const onSecond = await listen(second);
    const onFirst = await listen(app.t);

    const proposalId = await createProposal(app.t, 'Made on the first instance');
    await comment(app.t, proposalId, 'First');
    await comment(second, proposalId, 'Second, on the second instance');

    const expected = [
      { action: 'proposal.created', proposal: { id: proposalId } },
      { action: 'comment.added', proposal: { id: proposalId } },
      { action: 'comment.added', proposal: { id: proposalId } },
    ];
    // Had an instance heard of its own change twice, the marker would not come next.
    const marker = await createProposal(second, 'Marker');
    for (const subscription of [onSecond, onFirst]) {
      expect(await nextEvents(subscription, 4)).toEqual([
        ...expected,
        { action: 'proposal.created', proposal: { id: marker } },
      ]);
    }
  });

  it('tells no instance of a change that was rolled back', async () => {
    const proposalId = await createProposal(app.t, 'Rolled back comment');
    const onSecond = await listen(second);
    const audit = app.t.app.get(AuditService);
    const append = audit.append.bind(audit);
    jest.spyOn(audit, 'append').mockImplementationOnce(async (...args) => {
      const row = await append(...args);
      throw new Error(`forced failure after ${row.action}`);
    });

    expect(errorCodes(await addComment(app.t, proposalId, 'Never'))).toEqual([
      'INTERNAL_SERVER_ERROR',
    ]);
    await comment(app.t, proposalId, 'Committed');

    // Events arrive in seq order: had the rolled-back one been told, it came first.
    expect(await nextEvents(onSecond, 1)).toEqual([
      { action: 'comment.added', proposal: { id: proposalId } },
    ]);
  });

  it('still sends, once, the changes committed while the LISTEN connection was down', async () => {
    const proposalId = await createProposal(app.t, 'Across a dropped connection');
    const onSecond = await listen(second);
    // Holds every LISTEN connection's reconnect until the changes below have committed (the
    // pool's own connections pass; pg keeps a client's settings in connectionParameters).
    let reopen!: () => void;
    const outage = new Promise<void>((resolve) => (reopen = resolve));
    const connect = Client.prototype.connect;
    jest.spyOn(Client.prototype, 'connect').mockImplementation(function (
      this: Client & { connectionParameters: { application_name?: string } },
      ...args: unknown[]
    ) {
      const open = () => (connect as (...a: unknown[]) => Promise<unknown>).apply(this, args);
      return this.connectionParameters.application_name === LISTENER_NAME
        ? outage.then(open)
        : open();
    } as typeof connect);
    const killed = await listeners();
    expect(killed.length).toBeGreaterThan(0);

    await app.t.dataSource.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
      killed,
    ]);
    await waitFor(
      'the LISTEN connections to be gone',
      async () => (await listeners()).length === 0,
    );
    await comment(app.t, proposalId, 'While down 1');
    await comment(second, proposalId, 'While down 2');
    reopen();
    // Caught up on reconnecting, before any other change pokes the instance.
    expect(await nextEvents(onSecond, 2)).toEqual([
      { action: 'comment.added', proposal: { id: proposalId } },
      { action: 'comment.added', proposal: { id: proposalId } },
    ]);
    await comment(app.t, proposalId, 'After');
    const marker = await createProposal(app.t, 'Marker after the outage');

    // Once each: had the missed ones been sent again, they would come before these.
    expect(await nextEvents(onSecond, 2)).toEqual([
      { action: 'comment.added', proposal: { id: proposalId } },
      { action: 'proposal.created', proposal: { id: marker } },
    ]);
  });

  it('resumes on the other instance: what was missed on either, then the live ones, once', async () => {
    const onFirst = await listen(app.t);
    const proposalId = await createProposal(app.t, 'Followed across instances');
    expect(await nextEvents(onFirst, 1)).toEqual([
      { action: 'proposal.created', proposal: { id: proposalId } },
    ]);
    await onFirst.close();
    const [created] = await app.proposalAuditEvents(brand.id, proposalId);

    await comment(app.t, proposalId, 'Missed, made on the first');
    await comment(second, proposalId, 'Missed, made on the second');
    const resumed = await listen(second, created.seq);
    await comment(app.t, proposalId, 'Live, made on the first');
    const marker = await createProposal(app.t, 'Marker after the resume');

    expect(await nextEvents(resumed, 4)).toEqual([
      { action: 'comment.added', proposal: { id: proposalId } },
      { action: 'comment.added', proposal: { id: proposalId } },
      { action: 'comment.added', proposal: { id: proposalId } },
      { action: 'proposal.created', proposal: { id: marker } },
    ]);
  });
});
