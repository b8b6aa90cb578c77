import { AuditService, CheckpointsService } from '@standpoint/audit';
import {
  deliverOutbox,
  FakeClock,
  Fixtures,
  outboxOf,
  outboxRows,
  queueEmails,
  SmtpPeer,
  startTestApp,
  TestApp,
  TestBrand,
  TestMember,
  TestProposal,
  TricklingReceiver,
  waitFor,
} from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const RETRY_BASE_MS = 60_000;
const REGISTER_WEBHOOK = `mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { secret }
}`;
const START_FREEZE = `mutation ($input: StartContentFreezeInput!) {
  startContentFreeze(input: $input) { id }
}`;

/** Sends an operation that must succeed, and answers its data. */
async function data(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<Record<string, any>> {
  const response = await t.gql(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/**
 * One slow party (a webhook receiver that trickles, an SMTP server that stalls) holds one delivery
 * until its deadline and nothing else: the worker loop runs for real, time is moved by hand.
 */
describe('a webhook receiver that trickles its answer', () => {
  jest.setTimeout(60_000);
  // Long enough for everything the test waits for during the hang, even on a busy machine.
  const DEADLINE_MS = 6_000;
  const clock = new FakeClock(new Date('2026-12-01T09:00:00.000Z'));
  let peer: SmtpPeer;
  let receiver: TricklingReceiver;
  let t: TestApp;
  let brand: TestBrand;
  let admin: TestMember;
  let manager: TestMember;
  let leader: TestMember;
  let proposal: TestProposal;

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    receiver = await TricklingReceiver.start(500);
    t = await startTestApp(
      AppModule,
      {
        SMTP_URL: peer.url,
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
        WORKER_INTERVAL_MS: '100',
        WEBHOOK_DEADLINE_MS: String(DEADLINE_MS),
        OUTBOX_RETRY_BASE_MS: String(RETRY_BASE_MS),
        // The clock is moved by 45 minutes during the hang: the lease must outlast that.
        OUTBOX_LEASE_MS: '3600000',
        CHECKPOINT_INTERVAL_MS: '1800000',
      },
      { clock },
    );
    const fixtures = new Fixtures(t);
    brand = await fixtures.brand();
    [admin, manager, leader] = await Promise.all([
      fixtures.member(brand.id, ['ADMIN']),
      fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      fixtures.member(brand.id, ['APPROVER']),
    ]);
    await data(
      t,
      'mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }',
      {
        input: {
          brandId: brand.id,
          steps: [{ name: 'Leadership', approverIds: [leader.id], quorum: 'ANY', slaHours: 1 }],
        },
      },
      admin.token,
    );
    for (const [path, eventType] of [
      ['/slow-head', 'FREEZE_STARTED'],
      ['/slow-body', 'FREEZE_STARTED'],
      ['/prompt', 'PROPOSAL_SUBMITTED'],
    ]) {
      await data(
        t,
        REGISTER_WEBHOOK,
        { input: { brandId: brand.id, url: `${receiver.url}${path}`, eventTypes: [eventType] } },
        admin.token,
      );
    }
    proposal = await fixtures.proposal(brand.id, manager.token);
    await fixtures.evidence(proposal.id, manager.token);
    await fixtures.recommendation(proposal.id, manager.token);
  });
  afterAll(async () => {
    // The receiver first: a delivery it still held would hold the worker's shutdown.
    await receiver?.close();
    await t?.close();
    await peer?.stop();
  });

  const rowsOf = async (topic: string) =>
    (await outboxOf(t, brand.id)).filter((row) => row.topic === topic);
  /** Whether every email of the topic has reached the SMTP peer. */
  const emailsArrived = async (topic: string) => {
    const rows = (await rowsOf(topic)).filter((row) => row.channel === 'EMAIL');
    const received = peer.byMessageId();
    return rows.length > 0 && rows.every((row) => received.has(row.messageId));
  };
  const auditActions = async () =>
    (await t.asSystem((ctx) => t.app.get(AuditService).chain(ctx, brand.id))).map((e) => e.action);

  it('holds its own delivery until the deadline, while emails, other webhooks, deadlines, freeze ends and checkpoints go on; then it is retried', async () => {
    const freezeEndsAt = new Date(clock.now().getTime() + 40 * 60_000).toISOString();
    await data(
      t,
      START_FREEZE,
      { input: { brandId: brand.id, reason: 'Election night', endsAt: freezeEndsAt } },
      admin.token,
    );
    await waitFor('both slow receivers to be trickling', () =>
      ['/slow-head', '/slow-body'].every((path) => receiver.to(path).length === 1),
    );
    const slow = (await rowsOf('FREEZE_STARTED')).filter((row) => row.channel === 'WEBHOOK');
    expect(slow).toHaveLength(2);
    const hanging = async () => {
      const rows = await outboxRows(
        t,
        slow.map((row) => row.id),
      );
      const open = ['/slow-head', '/slow-body'].every(
        (path) => receiver.to(path)[0].closedAt === undefined,
      );
      return open && rows.every((row) => row.status === 'SENDING' && row.attempts === 0);
    };

    // A later proposal: its approval emails and its webhook to a prompt receiver leave at once.
    await data(
      t,
      'mutation ($id: ID!) { submitProposal(proposalId: $id) { __typename } }',
      { id: proposal.id },
      manager.token,
    );
    await waitFor('the approval emails and the prompt webhook', async () => {
      const prompt = await rowsOf('PROPOSAL_SUBMITTED');
      return (
        (await emailsArrived('approval.requested')) &&
        prompt.length === 1 &&
        prompt[0].status === 'SENT'
      );
    });
    expect(await hanging()).toBe(true);

    // Later on: the step's half-time reminder, the freeze's end and a checkpoint come due.
    clock.advanceHours(0.75);
    await waitFor('the reminder, the end of the freeze and a checkpoint', async () => {
      const checkpoints = await t.asSystem((ctx) =>
        t.app.get(CheckpointsService).stored(ctx, brand.id),
      );
      return (
        (await emailsArrived('step.reminder')) &&
        (await auditActions()).includes('content_freeze.ended') &&
        checkpoints.some((c) => c.signedAt === clock.now().toISOString())
      );
    });
    expect(await hanging()).toBe(true);

    // The deadline aborts both slow deliveries: each connection is closed, each attempt recorded.
    await waitFor(
      'the slow deliveries to be given up',
      async () =>
        (
          await outboxRows(
            t,
            slow.map((row) => row.id),
          )
        ).every((row) => row.attempts),
      { timeoutMs: 3 * DEADLINE_MS },
    );
    const failed = await outboxRows(
      t,
      slow.map((row) => row.id),
    );
    for (const row of failed) {
      expect(row).toMatchObject({
        status: 'PENDING',
        attempts: 1,
        lastError: `the webhook receiver did not finish within ${DEADLINE_MS} ms`,
      });
      expect(row.availableAt.getTime()).toBeGreaterThanOrEqual(
        clock.now().getTime() + RETRY_BASE_MS * 0.75,
      );
    }
    await waitFor('the slow connections to be closed', () =>
      ['/slow-head', '/slow-body'].every((path) => receiver.to(path)[0].closedAt !== undefined),
    );
    for (const path of ['/slow-head', '/slow-body']) {
      const [attempt] = receiver.to(path);
      // Held for the whole deadline (trickling defeats any idle timeout), not for ever.
      const heldFor = (attempt.closedAt! - attempt.openedAt) / DEADLINE_MS;
      expect(heldFor).toBeGreaterThan(0.8);
      expect(heldFor).toBeLessThan(2);
    }

    // After the back-off each is sent again, with the same delivery id, and delivered.
    clock.advanceHours(0.1);
    await waitFor('the retries to be delivered', async () =>
      (
        await outboxRows(
          t,
          slow.map((row) => row.id),
        )
      ).every((row) => row.status === 'SENT'),
    );
    expect(
      (
        await outboxRows(
          t,
          slow.map((row) => row.id),
        )
      ).map((row) => row.attempts),
    ).toEqual([2, 2]);
    for (const path of ['/slow-head', '/slow-body']) {
      const deliveries = receiver.to(path).map((a) => a.deliveryId);
      expect(deliveries).toHaveLength(2);
      expect(new Set(deliveries).size).toBe(1);
      expect(slow.map((row) => row.messageId)).toContain(deliveries[0]);
    }
  });
});

describe('an SMTP server that stalls a message', () => {
  jest.setTimeout(60_000);
  const DEADLINE_MS = 3_000;
  const clock = new FakeClock(new Date('2026-12-01T09:00:00.000Z'));
  let peer: SmtpPeer;
  let t: TestApp;
  let brand: TestBrand;
  let member: TestMember;

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    t = await startTestApp(
      AppModule,
      {
        SMTP_URL: peer.url,
        SMTP_DEADLINE_MS: String(DEADLINE_MS),
        OUTBOX_RETRY_BASE_MS: String(RETRY_BASE_MS),
        // The test runs the outbox job itself.
        WORKER_INTERVAL_MS: '3600000',
      },
      { clock },
    );
    const fixtures = new Fixtures(t);
    brand = await fixtures.brand();
    member = await fixtures.member(brand.id, ['REVIEWER']);
  });
  afterAll(async () => {
    await t?.close();
    await peer?.stop();
  });

  it('aborts the send at its deadline, closes that connection, sends the other emails meanwhile, and retries it', async () => {
    const rows = await queueEmails(t, brand.id, [member.id], 'test.stall', 8);
    const [stalled, ...others] = rows;
    peer.stall = (email) => email.messageId === stalled.messageId && peer.stalled.length === 0;

    const run = deliverOutbox(t);
    await waitFor('the other emails to arrive', () =>
      others.every((row) => peer.byMessageId().has(row.messageId)),
    );
    expect(peer.stalled.map((s) => [s.email.messageId, s.closed])).toEqual([
      [stalled.messageId, false],
    ]);
    expect((await outboxRows(t, [stalled.id]))[0].status).toBe('SENDING');

    expect(await run).toBe(rows.length);
    const [failed] = await outboxRows(t, [stalled.id]);
    expect(failed).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: `the SMTP server did not finish within ${DEADLINE_MS} ms`,
    });
    expect(failed.availableAt.getTime()).toBeGreaterThanOrEqual(
      clock.now().getTime() + RETRY_BASE_MS * 0.75,
    );
    // The pool closed the stalled connection instead of keeping it for the next message.
    await waitFor('the stalled connection to be closed', () => peer.stalled[0].closed);

    clock.advanceHours(0.1);
    expect(await deliverOutbox(t)).toBe(1);
    expect((await outboxRows(t, [stalled.id]))[0]).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(peer.byMessageId().get(stalled.messageId)).toHaveLength(1);
    expect(
      (
        await outboxRows(
          t,
          rows.map((row) => row.id),
        )
      ).map((row) => row.status),
    ).toEqual(rows.map(() => 'SENT'));
  });
});
