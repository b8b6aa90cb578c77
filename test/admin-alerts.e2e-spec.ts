import { DeadlinesService } from '@standpoint/approvals';
import { OutboxMessageEntity } from '@standpoint/notifications';
import {
  deliverOutbox,
  errorCodes,
  FakeClock,
  outboxOf,
  startWebhookReceiver,
  TestBrand,
  TestMember,
  useTestApp,
  WebhookReceiver,
} from '@standpoint/testing';
import { createHash } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { cardText, postedCard } from './adaptive-cards';

const ASK = `query ($brandId: ID!, $body: String!) {
  isApprovedContent(brandId: $brandId, channel: X, body: $body) }`;
const FREEZE = `mutation ($input: StartContentFreezeInput!) { startContentFreeze(input: $input) { id } }`;
const UNFREEZE = `mutation ($id: ID!) { endContentFreeze(brandId: $id) { id } }`;
const AUDIT = `query ($brandId: ID!, $filter: AuditFilter) {
  auditEvents(brandId: $brandId, filter: $filter) { edges { node { action entityId data actor { id } } } } }`;

/**
 * The brand admins' alerts, by email and in Teams: an expired proposal, a delivery the outbox gave
 * up on (once per destination an hour, never about an alert), a text the publishing tool was told
 * is not approved (recorded once per text an hour, capped per brand). One attempt per message, so
 * that a failing receiver kills a message at once.
 */
describe('admin alerts', () => {
  const clock = new FakeClock(new Date());
  const app = useTestApp(
    AppModule,
    { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', OUTBOX_MAX_ATTEMPTS: '1' },
    { clock },
  );
  let teams: WebhookReceiver;
  let webhooks: WebhookReceiver;
  let brand: TestBrand;
  let admins: TestMember[];
  let manager: TestMember;
  let other: TestBrand;
  let otherAdmin: TestMember;

  beforeAll(async () => {
    [teams, webhooks] = await Promise.all([startWebhookReceiver(), startWebhookReceiver()]);
    brand = await app.fixtures.brand();
    other = await app.fixtures.brand();
    admins = await Promise.all([
      app.fixtures.member(brand.id, ['ADMIN']),
      app.fixtures.member(brand.id, ['ADMIN']),
    ]);
    manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
    otherAdmin = await app.fixtures.member(other.id, ['ADMIN']);
    await app.data(
      'mutation ($input: SetTeamsConnectionInput!) { setTeamsConnection(input: $input) { id } }',
      { input: { brandId: brand.id, url: `${teams.url}/alerts?sig=teams-secret-signature` } },
      admins[0].token,
    );
  });
  afterAll(() => Promise.all([teams?.close(), webhooks?.close()]));

  const alertRows = async (brandId: string, topic: string) =>
    (await outboxOf(app.t, brandId)).filter((row) => row.topic === topic);
  const emailedTo = (rows: OutboxMessageEntity[]) =>
    rows
      .filter((row) => row.channel === 'EMAIL')
      .map((row) => row.recipientUserId)
      .sort();
  const adminIds = () => admins.map((a) => a.id).sort();
  const deliverAll = async () => {
    while ((await deliverOutbox(app.t)) > 0);
  };
  const teamsCards = () => teams.received.map(postedCard).map(cardText);

  it('tells the admins by email and in Teams when a proposal expires undecided', async () => {
    const approver = await app.fixtures.member(brand.id, ['APPROVER']);
    await app.data(
      'mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }',
      {
        input: {
          brandId: brand.id,
          steps: [
            {
              name: 'Leadership',
              approverIds: [approver.id],
              quorum: 'ANY',
              slaHours: 1,
              expireOnTimeout: true,
            },
          ],
        },
      },
      admins[0].token,
    );
    const proposal = await app.fixtures.inReview(brand.id, manager.token, { title: 'Too late' });
    clock.advanceHours(2);
    await app.t.app.get(DeadlinesService).runDue();

    const rows = await alertRows(brand.id, 'alert.proposal_expired');
    expect(emailedTo(rows)).toEqual(adminIds());
    expect(rows.filter((row) => row.channel === 'TEAMS')).toHaveLength(1);
    const email = rows.find((row) => row.channel === 'EMAIL')!;
    expect(email.subject).toBe('Alert: Expired without a decision: Too late');
    expect(email.body).toContain('Step: Leadership');
    expect(email.body).toContain(`/proposals/${proposal.id}/decision-record`);
    await deliverAll();
    const card = teamsCards().find((c) => c.title === 'Expired without a decision: Too late');
    expect(card?.facts).toMatchObject({ Proposal: 'Too late', Step: 'Leadership' });
    // The channel also heard the outcome, as every outcome is posted.
    expect(teamsCards().map((c) => c.title)).toContain('Expired: Too late');
    expect(await alertRows(other.id, 'alert.proposal_expired')).toEqual([]);
  });

  it('tells the admins once an hour per destination that gave up, with the recipient as the outbox shows it, and never of an alert that gave up', async () => {
    webhooks.answer(500);
    await app.data(
      `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }`,
      {
        input: {
          brandId: brand.id,
          url: `${webhooks.url}/hooks`,
          eventTypes: ['FREEZE_STARTED', 'FREEZE_ENDED'],
        },
      },
      admins[0].token,
    );
    const freezeAndThaw = async () => {
      await app.data(FREEZE, { input: { brandId: brand.id, reason: 'Storm' } }, admins[0].token);
      await app.data(UNFREEZE, { id: brand.id }, admins[0].token);
    };
    // Two deliveries to one endpoint die: one alert.
    await freezeAndThaw();
    await deliverAll();
    // The two die side by side (one worker, several deliveries in flight): in either order.
    const gaveUp = (await app.auditChain(brand.id))
      .filter((e) => e.action === 'outbox.gave_up')
      .map((e) => e.data as { topic: string })
      .sort((a, b) => b.topic.localeCompare(a.topic));
    expect(gaveUp).toEqual([
      expect.objectContaining({
        channel: 'WEBHOOK',
        topic: 'FREEZE_STARTED',
        recipient: `${webhooks.url}/hooks`,
        attempts: 1,
        lastError: 'the receiver answered HTTP 500',
      }),
      expect.objectContaining({ channel: 'WEBHOOK', topic: 'FREEZE_ENDED' }),
    ]);
    let rows = await alertRows(brand.id, 'alert.delivery_gave_up');
    expect(emailedTo(rows)).toEqual(adminIds());
    expect(rows.filter((row) => row.channel === 'TEAMS')).toHaveLength(1);
    expect(rows.every((row) => row.status === 'SENT')).toBe(true);
    const card = teamsCards().find((c) => c.title === 'A webhook delivery could not be delivered');
    expect(card?.facts).toMatchObject({
      Channel: 'WEBHOOK',
      Recipient: `${webhooks.url}/hooks`,
      'Last error': 'the receiver answered HTTP 500',
    });

    // Still within the hour: no second alert.
    clock.advanceHours(0.5);
    await freezeAndThaw();
    await deliverAll();
    expect(await alertRows(brand.id, 'alert.delivery_gave_up')).toHaveLength(rows.length);

    // An hour on, the endpoint is alerted again, while the Teams workflow fails too: its alert
    // card dies, is recorded as given up, and raises no alert of its own.
    clock.advanceHours(1);
    teams.answer(500);
    await app.data(FREEZE, { input: { brandId: brand.id, reason: 'Flood' } }, admins[0].token);
    await deliverAll();
    rows = await alertRows(brand.id, 'alert.delivery_gave_up');
    expect(rows.filter((row) => row.channel === 'EMAIL')).toHaveLength(4);
    expect(rows.filter((row) => row.channel === 'TEAMS').map((row) => row.status)).toEqual([
      'SENT',
      'DEAD',
    ]);
    const deadAlert = (await app.auditChain(brand.id)).filter(
      (e) => e.action === 'outbox.gave_up' && (e.data as { channel: string }).channel === 'TEAMS',
    );
    expect(deadAlert.map((e) => e.data)).toEqual([
      expect.objectContaining({
        topic: 'alert.delivery_gave_up',
        recipient: expect.stringMatching(/^Teams workflow at 127\.0\.0\.1:\d+ \(…ture\)$/),
      }),
    ]);
    expect(JSON.stringify(deadAlert)).not.toContain('teams-secret-signature');
    // Nothing is left to send: the dead alert raised no further alert.
    expect(await deliverOutbox(app.t)).toBe(0);
    expect(await alertRows(brand.id, 'alert.delivery_gave_up')).toHaveLength(rows.length);
    expect(await alertRows(other.id, 'alert.delivery_gave_up')).toEqual([]);
    teams.answer(204);
  });

  it("records an unapproved text's hash once per text and hour, at most 20 texts a brand an hour, and alerts the admins", async () => {
    const asker = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
    const body = 'Our stores close early, unannounced to the approvers.';
    const bodyHash = createHash('sha256').update(body).digest('hex');
    for (let i = 0; i < 3; i++) {
      expect(await app.data(ASK, { brandId: brand.id, body }, asker.token)).toEqual({
        isApprovedContent: false,
      });
    }
    const reported = async () =>
      (
        await app.data(
          AUDIT,
          {
            brandId: brand.id,
            filter: { actions: ['publication.unapproved_content_reported'] },
          },
          admins[0].token,
        )
      ).auditEvents.edges.map((e: { node: unknown }) => e.node) as {
        entityId: string;
        data: string;
        actor: { id: string };
      }[];
    let events = await reported();
    expect(events).toHaveLength(1);
    expect(events[0].entityId).toBe(bodyHash);
    expect(JSON.parse(events[0].data)).toEqual({ channel: 'X', bodyHash });
    expect(events[0].actor.id).toBe(asker.id);
    expect(JSON.stringify(events)).not.toContain('unannounced');

    const rows = await alertRows(brand.id, 'alert.unapproved_content');
    expect(emailedTo(rows)).toEqual(adminIds());
    expect(rows.filter((row) => row.channel === 'TEAMS')).toHaveLength(1);
    expect(rows.find((row) => row.channel === 'EMAIL')?.body).toContain(bodyHash);
    await deliverAll();
    expect(teamsCards().map((c) => c.title)).toContain(
      'A X post was checked and is not approved words',
    );

    // Many different texts: the brand's chain takes 20 an hour, the rest are answered only.
    for (let i = 0; i < 25; i++) {
      const answer = await app.data(ASK, { brandId: brand.id, body: `Text ${i}` }, asker.token);
      expect(answer.isApprovedContent).toBe(false);
    }
    events = await reported();
    expect(events).toHaveLength(20);
    expect(await alertRows(brand.id, 'alert.unapproved_content')).toHaveLength(3 * 20);

    // An hour on, the same text is recorded again.
    clock.advanceHours(1.01);
    await app.data(ASK, { brandId: brand.id, body }, asker.token);
    expect((await reported()).filter((e) => e.entityId === bodyHash)).toHaveLength(2);

    // Another brand's admin sees none of it, and cannot ask for this brand.
    expect(errorCodes(await app.gql(ASK, { brandId: brand.id, body }, otherAdmin.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      (await app.auditChain(other.id)).filter((e) => e.action.startsWith('publication.')),
    ).toEqual([]);
    expect(await alertRows(other.id, 'alert.unapproved_content')).toEqual([]);
  });
});
