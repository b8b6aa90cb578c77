import { DeadlinesService } from '@standpoint/approvals';
import { FakeClock, outboxOf, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

/** Deadlines kept in the database and acted on by the worker, with the clock moved by the test. */
describe('deadlines', () => {
  const clock = new FakeClock(new Date('2026-12-01T09:00:00.000Z'));
  const app = useTestApp(AppModule, {}, { clock });
  let brand: TestBrand;
  let manager: TestMember;
  let leader: TestMember;
  let deputy: TestMember;
  let admin: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    let members: TestMember[];
    [admin, ...members] = await Promise.all([
      app.fixtures.member(brand.id, ['ADMIN']),
      app.fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(brand.id, ['APPROVER']),
      app.fixtures.member(brand.id, ['APPROVER']),
      app.fixtures.member(brand.id, ['CONTRIBUTOR']),
    ]);
    [manager, leader, deputy] = members;
    const contributor = members[3];
    const policy = await app.gql(
      'mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }',
      {
        input: {
          brandId: brand.id,
          steps: [
            {
              name: 'Leadership',
              approverIds: [leader.id],
              quorum: 'ANY',
              slaHours: 10,
              escalateToIds: [deputy.id],
              expireOnTimeout: true,
            },
          ],
        },
      },
      admin.token,
    );
    expect(policy.errors).toBeUndefined();
    const created = await app.gql(
      'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
      {
        input: {
          brandId: brand.id,
          title: 'Statement',
          issue: 'Pride',
          stanceType: 'STATEMENT',
          urgency: 'ELEVATED',
          drafts: [{ channel: 'X', body: 'Love is love' }],
        },
      },
      manager.token,
    );
    proposalId = created.data!.createProposal.id;
    await app.gql(
      'mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
      { input: { proposalId, kind: 'EMPLOYEE_SENTIMENT', summary: 'Staff support it' } },
      contributor.token,
    );
    await app.gql(
      'mutation ($input: SetRecommendationInput!) { setRecommendation(input: $input) { id } }',
      { input: { proposalId, recommendation: 'PROCEED', rationale: 'Clear support' } },
      manager.token,
    );
    const submitted = await app.gql(
      'mutation ($id: ID!) { submitProposal(proposalId: $id) { __typename } }',
      { id: proposalId },
      manager.token,
    );
    expect(submitted.data?.submitProposal.__typename).toBe('Proposal');
  });
  let proposalId: string;

  /** Two workers at once, as production may run them. */
  const twoWorkers = async () => {
    const deadlines = app.t.app.get(DeadlinesService);
    await Promise.all([deadlines.runDue(), deadlines.runDue()]);
  };
  const systemEvents = async () =>
    (await app.auditChain(brand.id))
      .filter((e) => e.actorLabel === 'system')
      .map((e) => [e.action, (e.data as { kind?: string }).kind ?? null]);
  const messages = async (topic: string) =>
    (await outboxOf(app.t, brand.id))
      .filter((m) => m.topic === topic)
      .map((m) => m.recipientUserId);
  const stateAndStep = async () => {
    const read = await app.gql(
      'query ($id: ID!) { proposal(id: $id) { state approvalSteps { status escalated dueAt eligibleApprovers { email } } } }',
      { id: proposalId },
      manager.token,
    );
    return read.data!.proposal;
  };

  it('does nothing before anything is due', async () => {
    clock.advanceHours(4);
    await twoWorkers();
    expect(await systemEvents()).toEqual([]);
  });

  it('reminds the approvers once at half time, and once at 90%, even with two workers', async () => {
    clock.advanceHours(1);
    await twoWorkers();
    expect(await systemEvents()).toEqual([['step.reminded', 'REMIND_HALF']]);
    expect(await messages('step.reminder')).toEqual([leader.id]);
    clock.advanceHours(4);
    await twoWorkers();
    await twoWorkers();
    expect(await systemEvents()).toEqual([
      ['step.reminded', 'REMIND_HALF'],
      ['step.reminded', 'REMIND_LATE'],
    ]);
  });

  it('escalates to the deputies once when the time is up, and gives them one more period', async () => {
    clock.advanceHours(1);
    await twoWorkers();
    expect((await systemEvents()).at(-1)).toEqual(['step.escalated', null]);
    expect((await systemEvents()).filter(([action]) => action === 'step.escalated')).toHaveLength(
      1,
    );
    expect((await messages('step.escalated')).sort()).toEqual([deputy.id, leader.id].sort());
    expect(await stateAndStep()).toMatchObject({
      state: 'IN_REVIEW',
      approvalSteps: [{ status: 'ACTIVE', escalated: true, dueAt: '2026-12-02T05:00:00.000Z' }],
    });
  });

  it('expires the proposal when nobody decided in time: no decision, no post', async () => {
    clock.advanceHours(10);
    await twoWorkers();
    const actions = (await systemEvents()).map(([action]) => action);
    expect(actions.filter((a) => a === 'proposal.expired')).toHaveLength(1);
    expect(await stateAndStep()).toMatchObject({
      state: 'EXPIRED',
      approvalSteps: [{ status: 'EXPIRED' }],
    });
    await twoWorkers();
    expect((await systemEvents()).map(([action]) => action)).toEqual(actions);
  });

  it('ends a content freeze by itself when its end comes, once', async () => {
    const endsAt = new Date(clock.now().getTime() + 2 * 3_600_000).toISOString();
    const started = await app.gql(
      'mutation ($input: StartContentFreezeInput!) { startContentFreeze(input: $input) { contentFreeze { endsAt } } }',
      { input: { brandId: brand.id, reason: 'Election night', endsAt } },
      admin.token,
    );
    expect(started.data?.startContentFreeze.contentFreeze).toEqual({ endsAt });
    clock.advanceHours(2);
    await twoWorkers();
    await twoWorkers();
    const read = await app.gql(
      'query ($id: ID!) { brand(id: $id) { contentFreeze { reason } } }',
      { id: brand.id },
      admin.token,
    );
    expect(read.data?.brand.contentFreeze).toBeNull();
    const ended = (await systemEvents()).filter(([action]) => action === 'content_freeze.ended');
    expect(ended).toHaveLength(1);
  });
});
