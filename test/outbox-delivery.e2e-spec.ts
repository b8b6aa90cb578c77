import { AuditService } from '@standpoint/audit';
import { OutboxMessageEntity } from '@standpoint/notifications';
import { DecisionLinksService } from '@standpoint/identity';
import {
  deliverOutbox,
  errorCodes,
  FakeClock,
  Fixtures,
  outboxRows,
  queueEmails,
  SmtpPeer,
  startTestApp,
  TestApp,
  TestBrand,
  TestMember,
} from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const RETRY_BASE_MS = 60_000;

const OUTBOX = `query ($brandId: ID!, $status: OutboxStatus) {
  outboxMessages(brandId: $brandId, status: $status) {
    totalCount
    edges { node { id channel topic recipient status attempts lastError createdAt availableAt sentAt } }
  }
}`;
const RETRY = 'mutation ($id: ID!) { retryOutboxMessage(id: $id) { id status attempts } }';

/** The worker's sender against a real SMTP peer; time is moved by hand between attempts. */
describe('delivering the outbox over SMTP', () => {
  const clock = new FakeClock();
  let peer: SmtpPeer;
  let t: TestApp;
  let fixtures: Fixtures;
  let brand: TestBrand;
  let admin: TestMember;
  let manager: TestMember;
  let otherAdmin: TestMember;

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    t = await startTestApp(
      AppModule,
      {
        SMTP_URL: peer.url,
        OUTBOX_RETRY_BASE_MS: String(RETRY_BASE_MS),
        OUTBOX_MAX_ATTEMPTS: '3',
        WORKER_INTERVAL_MS: '3600000',
      },
      { clock },
    );
    fixtures = new Fixtures(t);
    brand = await fixtures.brand();
    admin = await fixtures.member(brand.id, ['ADMIN']);
    manager = await fixtures.member(brand.id, ['SOCIAL_MANAGER']);
    otherAdmin = await fixtures.member((await fixtures.brand()).id, ['ADMIN']);
  });
  afterAll(async () => {
    await t?.close();
    await peer?.stop();
  });
  beforeEach(() => {
    peer.refuse = () => null;
  });

  const deliverDue = () => deliverOutbox(t);
  const afterBackOff = (failedAttempts: number) =>
    clock.advanceHours((RETRY_BASE_MS * 2 ** (failedAttempts - 1) * 1.25 + 1) / 3_600_000);
  const one = async (row: OutboxMessageEntity) => (await outboxRows(t, [row.id]))[0];
  const deadOf = async (token: string) => {
    const response = await t.gql(OUTBOX, { brandId: brand.id, status: 'DEAD' }, token);
    return { response, nodes: response.data?.outboxMessages.edges.map((e: any) => e.node) };
  };

  const auditOf = () => t.asSystem((ctx) => t.app.get(AuditService).chain(ctx, brand.id));

  it('sends an email with the Message-ID, sender, recipient, subject and text of its row', async () => {
    const [row] = await queueEmails(t, brand.id, [manager.id], 'test.plain');

    expect(await deliverDue()).toBe(1);

    expect(await one(row)).toMatchObject({ status: 'SENT', attempts: 1, claimedUntil: null });
    const [email] = peer.byMessageId().get(row.messageId)!;
    expect(email.to).toEqual([manager.email]);
    expect(email.text).toMatch(/^From: Standpoint <standpoint@localhost>$/m);
    expect(email.text).toMatch(/^Subject: .*Test notice: test\.plain #0$/m);
    expect(email.text).toContain('test.plain #0');
  });

  it('retries a 4xx refusal after the back-off, and delivers once the peer accepts', async () => {
    let refusals = 1;
    peer.refuse = () => (refusals-- > 0 ? { code: 451, message: 'try again later' } : null);
    const [row] = await queueEmails(t, brand.id, [manager.id], 'test.transient');

    expect(await deliverDue()).toBe(1);
    const failed = await one(row);
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(failed.lastError).toMatch(/451/);
    expect(failed.availableAt.getTime()).toBeGreaterThanOrEqual(
      clock.now().getTime() + RETRY_BASE_MS * 0.75,
    );
    // Not due before its time.
    expect(await deliverDue()).toBe(0);

    afterBackOff(1);
    expect(await deliverDue()).toBe(1);

    const sent = await one(row);
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(sent.lastError).toMatch(/451/);
    expect(peer.byMessageId().get(row.messageId)).toHaveLength(1);
    const listed = await t.gql(OUTBOX, { brandId: brand.id }, admin.token);
    expect(listed.data?.outboxMessages.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({
        id: row.id,
        status: 'SENT',
        attempts: 2,
        lastError: sent.lastError,
      }),
    );
  });

  it('parks a message the peer always refuses as DEAD, shows it to the brand admin only, and delivers it on retry', async () => {
    peer.refuse = () => ({ code: 421, message: 'service not available' });
    const [row] = await queueEmails(t, brand.id, [manager.id], 'test.refused');

    for (let attempt = 1; attempt <= 3; attempt++) {
      // The last attempt gives up, which alerts the brand's admin by email at once: the same run
      // attempts that alert too, and the peer refuses it as well.
      expect(await deliverDue()).toBe(attempt < 3 ? 1 : 2);
      afterBackOff(attempt);
    }
    // Only the alert is tried again (it waits its own back-off from now on).
    expect(await deliverDue()).toBe(1);
    expect(await one(row)).toMatchObject({ status: 'DEAD', attempts: 3 });
    const alerts = (await t.dataSource.manager.findBy(OutboxMessageEntity, { brandId: brand.id }))
      .filter((message) => message.topic === 'alert.delivery_gave_up')
      .map((message) => [message.recipientUserId, message.status, message.attempts]);
    expect(alerts).toEqual([[admin.id, 'PENDING', 2]]);

    const seen = await deadOf(admin.token);
    expect(seen.nodes).toEqual([
      expect.objectContaining({
        id: row.id,
        channel: 'EMAIL',
        topic: 'test.refused',
        recipient: manager.email,
        status: 'DEAD',
        attempts: 3,
        lastError: expect.stringMatching(/421/),
        sentAt: null,
      }),
    ]);
    expect(errorCodes((await deadOf(manager.token)).response)).toEqual(['FORBIDDEN']);
    expect(errorCodes((await deadOf(otherAdmin.token)).response)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await t.gql(RETRY, { id: row.id }, manager.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await t.gql(RETRY, { id: row.id }, otherAdmin.token))).toEqual(['NOT_FOUND']);
    const nodeQuery = 'query ($id: ID!) { node(id: $id) { ... on OutboxMessage { status } } }';
    expect((await t.gql(nodeQuery, { id: row.id }, admin.token)).data).toEqual({
      node: { status: 'DEAD' },
    });
    expect(errorCodes(await t.gql(nodeQuery, { id: row.id }, otherAdmin.token))).toEqual([
      'NOT_FOUND',
    ]);

    peer.refuse = () => null;
    const before = (await auditOf()).length;
    const retried = await t.gql(RETRY, { id: row.id }, admin.token);
    expect(retried.data).toEqual({
      retryOutboxMessage: { id: row.id, status: 'PENDING', attempts: 0 },
    });
    const events = (await auditOf()).slice(before);
    expect(events).toEqual([
      expect.objectContaining({ action: 'outbox.retried', entityId: row.id }),
    ]);
    expect(errorCodes(await t.gql(RETRY, { id: row.id }, admin.token))).toEqual(['CONFLICT']);

    expect(await deliverDue()).toBe(1);
    expect(await one(row)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(peer.byMessageId().get(row.messageId)).toHaveLength(1);
    expect((await deadOf(admin.token)).nodes).toEqual([]);
  });

  it('gives up at once on a permanent refusal (5xx)', async () => {
    peer.refuse = () => ({ code: 550, message: 'no such mailbox' });
    const [row] = await queueEmails(t, brand.id, [manager.id], 'test.permanent');

    expect(await deliverDue()).toBe(1);

    const dead = await one(row);
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 1 });
    expect(dead.lastError).toMatch(/550/);
  });

  it('puts a fresh decision token in an approval email, committed before sending, and stores none', async () => {
    const links = t.app.get(DecisionLinksService);
    const [row] = await queueEmails(t, brand.id, [manager.id], 'test.approval');
    const link = await t.asSystem(async (ctx) => {
      const created = await links.create(ctx, {
        brandId: brand.id,
        proposalId: 'prp_x',
        stepId: 'stp_x',
        approverUserId: manager.id,
        revisionId: 'rev_x',
        contentHash: 'hash',
        stepDueAt: null,
      });
      const url = links.urlOf('{{decision-token}}');
      await ctx.em.update(
        OutboxMessageEntity,
        { id: row.id },
        {
          decisionLinkId: created.id,
          htmlBody: `<p><a href="${url}">Decide</a></p>`,
          body: `Decide: ${url}`,
        },
      );
      return created;
    });

    expect(await deliverDue()).toBe(1);

    const [email] = peer.byMessageId().get(row.messageId)!;
    const tokens = [...email.text.matchAll(/\/decide\/([A-Za-z0-9_-]{43})\b/g)].map((m) => m[1]);
    expect(tokens).toHaveLength(2);
    expect(new Set(tokens).size).toBe(1);
    const opened = await t.asSystem((ctx) => links.open(ctx.em, tokens[0]));
    expect(opened?.id).toBe(link.id);
    const stored = await one(row);
    expect(stored.body).toContain('{{decision-token}}');
    expect(JSON.stringify(stored)).not.toContain(tokens[0]);
  });
});
