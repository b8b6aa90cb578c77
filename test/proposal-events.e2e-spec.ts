import { AuditEventBus, AuditService } from '@standpoint/audit';
import { ProposalAccess } from '@standpoint/proposals';
import {
  errorCodes,
  fieldsOf,
  subscribe,
  TestBrand,
  TestMember,
  TestSubscription,
  useTestApp,
  waitFor,
} from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const PROPOSAL_EVENTS = `subscription ($brandId: ID!, $afterSeq: Int) {
  proposalEvents(brandId: $brandId, afterSeq: $afterSeq) {
    seq
    action
    at
    proposal { id title brand { id } currentRevision { number } }
  }
}`;

/** Live updates of a brand's proposals over graphql-ws, on the GraphQL path. */
describe('proposal events over WebSocket', () => {
  const app = useTestApp(AppModule);
  let bus: AuditEventBus;
  let brand: TestBrand;
  let otherBrand: TestBrand;
  let manager: TestMember;
  let reviewer: TestMember;
  let outsider: TestMember;
  const open: TestSubscription[] = [];

  beforeAll(async () => {
    bus = app.t.app.get(AuditEventBus);
    brand = await app.fixtures.brand();
    otherBrand = await app.fixtures.brand();
    manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER', 'CONTRIBUTOR']);
    reviewer = await app.fixtures.member(brand.id, ['AUDITOR']);
    outsider = await app.fixtures.member(otherBrand.id, ['SOCIAL_MANAGER']);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(open.splice(0).map((s) => s.close()));
    // The server lets go of a closed subscription's listener a moment after the client closed it.
    await waitFor('the subscription to be let go', () => bus.listenerCount(brand.id) === 0, {
      intervalMs: 5,
    });
  });

  /**
   * Subscribes as `member` (resuming after `afterSeq` if given) and waits until the server listens
   * for the brand's events.
   */
  const listen = async (
    member: TestMember,
    brandId = brand.id,
    afterSeq?: number,
  ): Promise<TestSubscription> => {
    const before = bus.listenerCount(brandId);
    const subscription = subscribe(
      app.t.url,
      PROPOSAL_EVENTS,
      afterSeq === undefined ? { brandId } : { brandId, afterSeq },
      { authorization: `Bearer ${member.token}` },
    );
    open.push(subscription);
    await waitFor('the subscription to listen', () => bus.listenerCount(brandId) > before, {
      intervalMs: 5,
    });
    return subscription;
  };

  const createProposal = async (title: string, brandId = brand.id, token = manager.token) => {
    const response = await app.gql(
      'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
      {
        input: {
          brandId,
          title,
          issue: 'Climate',
          stanceType: 'STATEMENT',
          urgency: 'ROUTINE',
          drafts: [{ channel: 'THREADS', body: `Words for ${title}` }],
        },
      },
      token,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.createProposal.id as string;
  };
  const addEvidence = (proposalId: string) =>
    app.gql(
      'mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
      {
        input: {
          proposalId,
          kind: 'SURVEY_STAT',
          summary: '70% want brands to take a stand',
          survey: { statistic: 70, source: 'Trust survey' },
        },
      },
      manager.token,
    );
  const addComment = (proposalId: string, body: string) =>
    app.gql(
      'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { input: { proposalId, body } },
      manager.token,
    );
  const comment = async (proposalId: string, body: string) =>
    expect((await addComment(proposalId, body)).errors).toBeUndefined();

  describe('connection_init', () => {
    it('refuses a connection without a token with 4403 Forbidden', async () => {
      const subscription = subscribe(app.t.url, PROPOSAL_EVENTS, { brandId: brand.id });
      open.push(subscription);
      expect(await subscription.failed).toEqual({ code: 4403, reason: 'Forbidden' });
    });

    it.each([
      ['a token that is not one', 'Bearer not-a-token'],
      ['a token without the Bearer scheme', 'TOKEN'],
    ])('refuses %s with 4403 Forbidden', async (_, authorization) => {
      const value = authorization === 'TOKEN' ? manager.token : authorization;
      const subscription = subscribe(
        app.t.url,
        PROPOSAL_EVENTS,
        { brandId: brand.id },
        { authorization: value },
      );
      open.push(subscription);
      expect((await subscription.failed).code).toBe(4403);
      expect(bus.listenerCount(brand.id)).toBe(0);
    });
  });

  it('answers NOT_FOUND, and no events, for a brand the user is not a member of', async () => {
    const subscription = subscribe(
      app.t.url,
      PROPOSAL_EVENTS,
      { brandId: brand.id },
      { authorization: `Bearer ${outsider.token}` },
    );
    open.push(subscription);
    const result = await subscription.next();
    expect(result.data ?? null).toBeNull();
    expect(errorCodes(result as never)).toEqual(['NOT_FOUND']);
    await subscription.completed;
    expect(bus.listenerCount(brand.id)).toBe(0);
  });

  it("sends a member each change to the brand's proposals as it happens, and nothing else", async () => {
    const subscription = await listen(reviewer);
    const before = Date.now();

    const proposalId = await createProposal('Close early for the march');
    const created = await subscription.next();
    expect(created.errors).toBeUndefined();
    const [createdEvent] = await app.proposalAuditEvents(brand.id, proposalId);
    expect(created.data).toEqual({
      proposalEvents: {
        seq: createdEvent.seq,
        action: 'proposal.created',
        at: expect.any(String),
        proposal: {
          id: proposalId,
          title: 'Close early for the march',
          brand: { id: brand.id },
          currentRevision: { number: 1 },
        },
      },
    });
    expect(Date.parse(created.data!.proposalEvents.at)).toBeGreaterThanOrEqual(before - 1000);

    // Neither another brand's proposals nor the brand's own non-proposal changes reach it.
    await createProposal('Elsewhere', otherBrand.id, outsider.token);
    await app.fixtures.member(brand.id, ['REVIEWER']);

    expect((await addEvidence(proposalId)).errors).toBeUndefined();
    expect((await addComment(proposalId, 'Looks right')).errors).toBeUndefined();
    const evidence = await subscription.next();
    const comment = await subscription.next();
    expect(evidence.data!.proposalEvents).toMatchObject({
      action: 'evidence.added',
      proposal: { id: proposalId },
    });
    expect(comment.data!.proposalEvents).toMatchObject({
      action: 'comment.added',
      proposal: { id: proposalId },
    });
  });

  it('resolves each event anew: the proposal as it is after that change', async () => {
    const proposalId = await createProposal('To be revised');
    const subscription = await listen(reviewer);

    const revised = await app.gql(
      'mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { __typename } }',
      { input: { proposalId, drafts: [{ channel: 'THREADS', body: 'Better words' }] } },
      manager.token,
    );
    expect(revised.errors).toBeUndefined();
    await addComment(proposalId, 'After the revision');

    expect((await subscription.next()).data!.proposalEvents).toMatchObject({
      action: 'proposal.revised',
      proposal: { id: proposalId, currentRevision: { number: 2 } },
    });
    expect((await subscription.next()).data!.proposalEvents).toMatchObject({
      action: 'comment.added',
      proposal: { id: proposalId, currentRevision: { number: 2 } },
    });
  });

  it('never sends the event of a change that was rolled back', async () => {
    const proposalId = await createProposal('Rolled back evidence');
    const subscription = await listen(reviewer);
    const audit = app.t.app.get(AuditService);
    const append = audit.append.bind(audit);
    jest.spyOn(audit, 'append').mockImplementationOnce(async (...args) => {
      const row = await append(...args);
      throw new Error(`forced failure after ${row.action}`);
    });

    expect(errorCodes(await addEvidence(proposalId))).toEqual(['INTERNAL_SERVER_ERROR']);
    await addComment(proposalId, 'This one is committed');

    // Events arrive in the order they were published: had the rolled-back one been, it came first.
    expect((await subscription.next()).data!.proposalEvents).toMatchObject({
      action: 'comment.added',
      proposal: { id: proposalId },
    });
  });

  it('sends every subscriber of the brand the event, each in its own subscription', async () => {
    const first = await listen(reviewer);
    const second = await listen(manager);

    const proposalId = await createProposal('Seen twice');

    for (const subscription of [first, second]) {
      expect((await subscription.next()).data!.proposalEvents).toMatchObject({
        action: 'proposal.created',
        proposal: { id: proposalId },
      });
    }
  });

  describe('resuming after a seq', () => {
    /** The next `count` events of `subscription`: seq, action and proposal id. */
    const nextEvents = async (subscription: TestSubscription, count: number) => {
      const events: { seq: number; action: string; proposalId: string }[] = [];
      for (let i = 0; i < count; i += 1) {
        const result = await subscription.next();
        expect(result.errors).toBeUndefined();
        const { seq, action, proposal } = result.data!.proposalEvents;
        events.push({ seq, action, proposalId: proposal.id });
      }
      return events;
    };
    /** The proposal's audit events after `afterSeq`, as a subscriber should receive them. */
    const trailAfter = async (proposalId: string, afterSeq: number) =>
      (await app.proposalAuditEvents(brand.id, proposalId))
        .filter((event) => event.seq > afterSeq)
        .map(({ seq, action }) => ({ seq, action, proposalId }));
    /** A new proposal, whose proposal.created must come next: nothing was sent twice. */
    const expectNothingElse = async (subscription: TestSubscription) => {
      const marker = await createProposal('Marker');
      expect((await nextEvents(subscription, 1))[0]).toMatchObject({
        action: 'proposal.created',
        proposalId: marker,
      });
    };

    it('sends a subscriber that reconnects exactly what it missed, in order, then the live ones', async () => {
      const first = await listen(reviewer);
      const proposalId = await createProposal('Seen, then missed');
      const [seen] = await nextEvents(first, 1);
      expect(seen.seq).toBe((await trailAfter(proposalId, 0))[0].seq);
      await first.close();

      // Missed while disconnected: proposal changes and, between them, a brand change that is none.
      await addComment(proposalId, 'Missed one');
      await app.fixtures.member(brand.id, ['REVIEWER']);
      expect((await addEvidence(proposalId)).errors).toBeUndefined();
      await addComment(proposalId, 'Missed two');
      const missed = await trailAfter(proposalId, seen.seq);
      expect(missed.map((event) => event.action)).toEqual([
        'comment.added',
        'evidence.added',
        'comment.added',
      ]);

      const resumed = await listen(reviewer, brand.id, seen.seq);
      expect(await nextEvents(resumed, missed.length)).toEqual(missed);
      await addComment(proposalId, 'Live');
      expect(await nextEvents(resumed, 1)).toEqual(
        await trailAfter(proposalId, missed.at(-1)!.seq),
      );
      await expectNothingElse(resumed);
    });

    it('sends only live events after a seq beyond the head of the trail', async () => {
      await createProposal('Before the subscription');
      const head = (await app.auditChain(brand.id)).at(-1)!.seq;

      const subscription = await listen(reviewer, brand.id, head + 1_000);
      const proposalId = await createProposal('After the subscription');

      expect(await nextEvents(subscription, 1)).toEqual(await trailAfter(proposalId, head));
    });

    it('sends an event committed while it starts listening once, in its place', async () => {
      const proposalId = await createProposal('Commented while resuming');
      const [created] = await trailAfter(proposalId, 0);
      const ready = bus.ready.bind(bus);
      // Committed after the subscription listens and before the catch-up reads: both have it.
      jest.spyOn(bus, 'ready').mockImplementationOnce(async (brandId) => {
        await comment(proposalId, 'During the start');
        return ready(brandId);
      });

      const subscription = await listen(reviewer, brand.id, created.seq - 1);

      const received = await nextEvents(subscription, 2);
      const expected = await trailAfter(proposalId, 0);
      expect(expected.map((event) => event.action)).toEqual(['proposal.created', 'comment.added']);
      expect(received).toEqual(expected);
      await expectNothingElse(subscription);
    });

    it('sends the events committed during the catch-up after it, none lost', async () => {
      const proposalId = await createProposal('Commented during the catch-up');
      await addComment(proposalId, 'Before');
      const [created] = await trailAfter(proposalId, 0);
      const access = app.t.app.get(ProposalAccess);
      const forReading = access.forReading.bind(access);
      // Committed while the first missed event is sent, after the catch-up read its end.
      jest.spyOn(access, 'forReading').mockImplementationOnce(async (ctx, id) => {
        await comment(proposalId, 'During one');
        await comment(proposalId, 'During two');
        return forReading(ctx, id);
      });

      const subscription = await listen(reviewer, brand.id, created.seq - 1);

      const received = await nextEvents(subscription, 4);
      const expected = await trailAfter(proposalId, 0);
      expect(expected.map((event) => event.action)).toEqual([
        'proposal.created',
        'comment.added',
        'comment.added',
        'comment.added',
      ]);
      expect(received).toEqual(expected);
      await expectNothingElse(subscription);
    });

    it('refuses a negative afterSeq with BAD_USER_INPUT, and listens to nothing', async () => {
      const subscription = subscribe(
        app.t.url,
        PROPOSAL_EVENTS,
        { brandId: brand.id, afterSeq: -1 },
        { authorization: `Bearer ${reviewer.token}` },
      );
      open.push(subscription);
      const result = await subscription.next();
      expect(result.data ?? null).toBeNull();
      expect(errorCodes(result as never)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(result as never)).toEqual([['afterSeq', 'min']]);
      await subscription.completed;
      expect(bus.listenerCount(brand.id)).toBe(0);
    });

    it.each([
      ['a fraction', 1.5],
      ['text', 'latest'],
    ])('refuses an afterSeq that is %s', async (_, afterSeq) => {
      const subscription = subscribe(
        app.t.url,
        PROPOSAL_EVENTS,
        { brandId: brand.id, afterSeq },
        { authorization: `Bearer ${reviewer.token}` },
      );
      open.push(subscription);
      const result = await subscription.next();
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.message).toMatch(/afterSeq/);
      await subscription.completed;
      expect(bus.listenerCount(brand.id)).toBe(0);
    });

    it('answers NOT_FOUND to a resume on a brand the user is not a member of', async () => {
      const subscription = subscribe(
        app.t.url,
        PROPOSAL_EVENTS,
        { brandId: brand.id, afterSeq: 0 },
        { authorization: `Bearer ${outsider.token}` },
      );
      open.push(subscription);
      const result = await subscription.next();
      expect(errorCodes(result as never)).toEqual(['NOT_FOUND']);
      await subscription.completed;
    });
  });

  it('stops listening when the client unsubscribes', async () => {
    const subscription = await listen(reviewer);
    expect(bus.listenerCount(brand.id)).toBe(1);

    await subscription.close();

    await waitFor('the subscription to be let go', () => bus.listenerCount(brand.id) === 0, {
      intervalMs: 5,
    });
  });
});
