import { AntiForgery } from '@standpoint/decision-page';
import {
  deliverOutbox,
  emailedDecisionToken,
  outboxOf,
  SmtpPeer,
  TestBrand,
  TestMember,
  useTestApp,
  waitFor,
} from '@standpoint/testing';
import { simpleParser } from 'mailparser';
import { AppModule } from '../src/app.module';

const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) {
  __typename ... on ErrorResult { errorCode }
} }`;
const READ = `query ($id: ID!) { proposal(id: $id) {
  state approvalSteps { status eligibleApprovers { id } } decisions { outcome }
} }`;
const REGISTER = `mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { endpoint { id } }
}`;

/**
 * Eligibility follows the membership: a member demoted or removed leaves the steps under review
 * that no longer accept them, on the record; their decision links die; the step is counted again,
 * and one that can no longer gather its approvals is reported to the brand's admins by email and
 * webhook instead of waiting for its deadline.
 */
describe('eligibility that follows the membership', () => {
  jest.setTimeout(60_000);
  const env: Record<string, string> = { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' };
  let peer: SmtpPeer;
  beforeAll(async () => {
    peer = await SmtpPeer.start();
    env.SMTP_URL = peer.url;
  });
  const app = useTestApp(AppModule, env);
  // After the app has closed its pool of connections to the peer: the peer then stops at once.
  afterAll(() => peer?.stop());

  /** A brand with an ADMIN, a social manager, approvers, one policy step and a webhook. */
  const brandWith = async (approvers: number, step: Record<string, unknown>) => {
    const brand = await app.fixtures.brand();
    const admin = await app.fixtures.member(brand.id, ['ADMIN']);
    const manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
    const deciders: TestMember[] = [];
    for (let i = 0; i < approvers; i++)
      deciders.push(await app.fixtures.member(brand.id, ['APPROVER']));
    await app.fixtures.policy(brand.id, [{ name: 'Leadership', role: 'APPROVER', ...step }]);
    await app.data(
      REGISTER,
      {
        input: {
          brandId: brand.id,
          url: 'http://127.0.0.1:9999/hooks',
          eventTypes: ['STEP_UNSATISFIABLE', 'PROPOSAL_APPROVED'],
        },
      },
      admin.token,
    );
    return { brand, admin, manager, deciders };
  };
  const approve = (member: TestMember, proposal: { id: string; contentHash: string }) =>
    app.data(
      DECIDE,
      {
        input: { proposalId: proposal.id, contentHash: proposal.contentHash, outcome: 'APPROVE' },
      },
      member.token,
    );
  const read = async (id: string, token: string) => (await app.data(READ, { id }, token)).proposal;
  const stepEvents = async (brand: TestBrand) =>
    (await app.auditChain(brand.id))
      .filter((e) => e.action === 'step.approver_removed')
      .map((e) => e.data as Record<string, any>);
  const webhooks = async (brand: TestBrand, type: string) =>
    (await outboxOf(app.t, brand.id))
      .filter((m) => m.channel === 'WEBHOOK' && m.topic === type)
      .map((m) => JSON.parse(m.body) as { proposalId: string; data: Record<string, any> });
  const page = async (token: string, fields?: Record<string, string>) => {
    const response = await fetch(`${app.t.url}/decide/${token}`, {
      method: fields ? 'POST' : 'GET',
      headers: fields ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined,
      body: fields ? new URLSearchParams(fields) : undefined,
    });
    return { status: response.status, html: await response.text() };
  };

  it('satisfies an ALL step once its remaining approvers have all approved, when the last is demoted', async () => {
    const { brand, manager, deciders } = await brandWith(3, { quorum: 'ALL' });
    const [first, second, demoted] = deciders;
    const proposal = await app.fixtures.inReview(brand.id, manager.token, { title: 'All of us' });
    const token = await emailedDecisionToken(app.t, peer, demoted.email);
    await approve(first, proposal);
    await approve(second, proposal);
    expect((await read(proposal.id, manager.token)).state).toBe('IN_REVIEW');

    await app.fixtures.member(brand.id, ['CONTRIBUTOR'], demoted);

    const after = await read(proposal.id, manager.token);
    expect(after.state).toBe('APPROVED');
    expect(after.approvalSteps[0].status).toBe('SATISFIED');
    expect(after.approvalSteps[0].eligibleApprovers.map((u: { id: string }) => u.id)).not.toContain(
      demoted.id,
    );
    expect(await stepEvents(brand)).toEqual([
      expect.objectContaining({
        proposalId: proposal.id,
        approverId: demoted.id,
        why: 'ROLES_CHANGED',
        approvals: { count: 2, required: 2 },
        stepStatus: { from: 'ACTIVE', to: 'SATISFIED' },
        proposalState: { from: 'IN_REVIEW', to: 'APPROVED' },
        unsatisfiable: false,
      }),
    ]);
    expect((await webhooks(brand, 'PROPOSAL_APPROVED')).map((w) => w.proposalId)).toEqual([
      proposal.id,
    ]);

    // Their emailed link died with their place on the step: a plain notice, and it acts no more.
    const opened = await page(token);
    expect(opened.status).toBe(410);
    expect(opened.html).toContain('This link no longer works');
    const antiForgery = app.t.app.get(AntiForgery).fieldFor(token);
    const posted = await page(token, { antiForgery, outcome: 'REJECT', comment: 'No' });
    expect(posted.status).toBe(410);
    expect((await read(proposal.id, manager.token)).decisions).toHaveLength(2);
  });

  it('reports a step that can no longer gather its approvals to the admins, by email and webhook', async () => {
    const { brand, admin, manager, deciders } = await brandWith(3, {
      quorum: 'COUNT',
      minApprovals: 2,
    });
    const [stays, removed, deactivated] = deciders;
    const proposal = await app.fixtures.inReview(brand.id, manager.token, { title: 'Two of us' });
    const token = await emailedDecisionToken(app.t, peer, removed.email);

    // Two are left for two approvals: nothing to report yet.
    await app.data(
      'mutation ($b: ID!, $u: ID!) { removeMember(brandId: $b, userId: $u) { id } }',
      { b: brand.id, u: removed.id },
      admin.token,
    );
    expect((await stepEvents(brand)).map((e) => e.unsatisfiable)).toEqual([false]);
    expect((await page(token)).html).toContain('This link no longer works');

    // One is left, who approves, for two approvals: the step is stuck, and the admins hear of it.
    await approve(stays, proposal);
    await app.data(
      'mutation ($u: ID!) { deactivateUser(userId: $u) { id } }',
      { u: deactivated.id },
      await app.fixtures.admin(),
    );
    const events = await stepEvents(brand);
    expect(events[1]).toEqual(
      expect.objectContaining({
        approverId: deactivated.id,
        why: 'DEACTIVATED',
        eligible: { from: [stays.id, deactivated.id].sort(), to: [stays.id] },
        stepStatus: { from: 'ACTIVE', to: 'BLOCKED' },
        unsatisfiable: true,
      }),
    );
    const [hook] = await webhooks(brand, 'STEP_UNSATISFIABLE');
    expect(hook).toEqual(
      expect.objectContaining({
        proposalId: proposal.id,
        data: expect.objectContaining({ approverId: deactivated.id, why: 'DEACTIVATED' }),
      }),
    );
    await deliverOutbox(app.t);
    await waitFor('the admin to hear', () =>
      peer.received.some((m) => m.to.includes(admin.email) && m.text.includes('Stuck')),
    );
    const email = await simpleParser(
      peer.received.find((m) => m.to.includes(admin.email) && m.text.includes('Stuck'))!.text,
    );
    expect(email.subject).toBe('Stuck: Two of us');
    expect(email.text).toContain('was deactivated');
    expect(email.text).toContain('1 of 2 needed');
    expect(email.html).toContain('can no longer gather the approvals it needs');
    expect((await read(proposal.id, manager.token)).state).toBe('IN_REVIEW');
  });
});
