import { AuditEventBus, AuditService } from '@standpoint/audit';
import {
  errorCodes,
  subscribe,
  TestBrand,
  TestMember,
  TestSubscription,
  useTestApp,
  waitFor,
} from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const PROPOSAL_EVENTS = `subscription ($brandId: ID!) {
  proposalEvents(brandId: $brandId) {
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

  /** Subscribes as `member` and waits until the server listens for the brand's events. */
  const listen = async (member: TestMember, brandId = brand.id): Promise<TestSubscription> => {
    const before = bus.listenerCount(brandId);
    const subscription = subscribe(
      app.t.url,
      PROPOSAL_EVENTS,
      { brandId },
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
    expect(created.data).toEqual({
      proposalEvents: {
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

  it('stops listening when the client unsubscribes', async () => {
    const subscription = await listen(reviewer);
    expect(bus.listenerCount(brand.id)).toBe(1);

    await subscription.close();

    await waitFor('the subscription to be let go', () => bus.listenerCount(brand.id) === 0, {
      intervalMs: 5,
    });
  });
});
