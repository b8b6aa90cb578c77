import { SecretBox } from '@standpoint/database';
import {
  OutboxMessageEntity,
  OutboxTransports,
  PermanentDeliveryError,
  TeamsConnectionEntity,
  teamsUrlContext,
} from '@standpoint/notifications';
import {
  deliverOutbox,
  errorCodes,
  fieldsOf,
  startWebhookReceiver,
  TestBrand,
  TestMember,
  useTestApp,
  WebhookReceiver,
} from '@standpoint/testing';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { AppModule } from '../src/app.module';
import { cardText, postedCard } from './adaptive-cards';

const SET = `mutation ($input: SetTeamsConnectionInput!) {
  setTeamsConnection(input: $input) { id host hint updatedAt }
}`;
const REMOVE = 'mutation ($brandId: ID!) { removeTeamsConnection(brandId: $brandId) }';
const SHOW = 'query ($brandId: ID!) { teamsConnection(brandId: $brandId) { id host hint } }';
const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) {
  __typename ... on ErrorResult { errorCode message } } }`;

/** A workflow URL shaped as Teams makes them; its `sig` is what lets anyone post. */
function workflowUrl(receiver: WebhookReceiver, path: string) {
  const sig = `SIG${randomBytes(24).toString('base64url')}`;
  return {
    sig,
    url: `${receiver.url}/${path}/workflows/5f3c/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`,
  };
}

describe('Teams workflow (private targets allowed, as in tests and development)', () => {
  const lines: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = useTestApp(
    AppModule,
    { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', LOG_LEVEL: 'debug' },
    { logTo: capture },
  );
  let receiver: WebhookReceiver;
  let brand: TestBrand;
  let admin: TestMember;
  let manager: TestMember;
  let approver: TestMember;
  let workflow: { url: string; sig: string };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    receiver.answer(202);
    workflow = workflowUrl(receiver, 'acme');
    brand = await app.fixtures.brand();
    [admin, manager, approver] = await Promise.all([
      app.fixtures.member(brand.id, ['ADMIN']),
      app.fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(brand.id, ['APPROVER']),
    ]);
  });
  afterAll(() => receiver?.close());

  const set = (url: string, token = admin.token, brandId = brand.id) =>
    app.gql(SET, { input: { brandId, url } }, token);
  const teamsRows = (brandId: string) =>
    app.t.dataSource.manager.find(OutboxMessageEntity, {
      where: { brandId, channel: 'TEAMS' },
      order: { id: 'ASC' },
    });
  const cardsAt = (path: string) =>
    receiver.received.filter((r) => r.path.startsWith(`/${path}/`)).map(postedCard);

  it('is set by brand admins only, stored sealed, shown by host and hint, audited without its URL', async () => {
    for (const role of ['SOCIAL_MANAGER', 'APPROVER', 'AUDITOR']) {
      const member = await app.fixtures.member(brand.id, [role]);
      expect(errorCodes(await set(workflow.url, member.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await app.gql(SHOW, { brandId: brand.id }, member.token))).toEqual([
        'FORBIDDEN',
      ]);
    }
    const made = await app.data(
      SET,
      { input: { brandId: brand.id, url: workflow.url } },
      admin.token,
    );
    const hint = `…${workflow.sig.slice(-4)}`;
    expect(made.setTeamsConnection).toMatchObject({ host: new URL(receiver.url).host, hint });
    const shown = await app.data(SHOW, { brandId: brand.id }, admin.token);
    expect(shown.teamsConnection).toEqual({
      id: made.setTeamsConnection.id,
      host: new URL(receiver.url).host,
      hint,
    });
    expect(JSON.stringify([made, shown])).not.toContain(workflow.sig);

    // The row holds the URL sealed, bound to itself: it opens with its own context only.
    const row = await app.t.dataSource.manager.findOneByOrFail(TeamsConnectionEntity, {
      brandId: brand.id,
    });
    expect(row.sealedUrl).toMatch(/^sb1\./);
    expect(row.sealedUrl).not.toContain(workflow.sig);
    const box = app.t.app.get(SecretBox);
    expect(box.open(row.sealedUrl, teamsUrlContext(row.id))).toBe(workflow.url);
    expect(() => box.open(row.sealedUrl, teamsUrlContext('tms_other'))).toThrow();

    // Replaced: one connection still, the audit says from which host and hint to which.
    const second = workflowUrl(receiver, 'acme');
    await app.data(SET, { input: { brandId: brand.id, url: second.url } }, admin.token);
    await app.data(SET, { input: { brandId: brand.id, url: workflow.url } }, admin.token);
    const events = (await app.auditChain(brand.id)).filter((e) =>
      e.action.startsWith('teams_connection.'),
    );
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['teams_connection.set', admin.id],
      ['teams_connection.set', admin.id],
      ['teams_connection.set', admin.id],
    ]);
    expect(events[0].data).toEqual({ before: null, after: { host: row.host, hint } });
    expect(events[1].data).toMatchObject({ after: { hint: `…${second.sig.slice(-4)}` } });
    const audited = JSON.stringify(events.map((e) => e.data));
    expect(audited).not.toContain(workflow.sig);
    expect(audited).not.toContain(second.sig);
  });

  it('is invisible and untouchable from another brand', async () => {
    const other = await app.fixtures.brand();
    const otherAdmin = await app.fixtures.member(other.id, ['ADMIN']);
    expect(errorCodes(await app.gql(SHOW, { brandId: brand.id }, otherAdmin.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await app.gql(REMOVE, { brandId: brand.id }, otherAdmin.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await set(workflow.url, otherAdmin.token))).toEqual(['NOT_FOUND']);
    expect((await app.data(SHOW, { brandId: other.id }, otherAdmin.token)).teamsConnection).toBe(
      null,
    );
  });

  it('refuses a URL that is not an allowed target, naming the rule', async () => {
    const cases: [string, string][] = [
      ['not a url', 'url'],
      ['ftp://teams.example.com/workflows/1', 'https'],
      [`http://user:pw@${new URL(receiver.url).host}/x`, 'noCredentials'],
      ['http://127.0.0.1:22/workflows/1', 'allowedPort'],
    ];
    for (const [url, rule] of cases) {
      const refused = await set(url);
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(refused)).toEqual([['input.url', rule]]);
    }
  });

  it("posts an approval request and each outcome as valid Adaptive Cards, linking to the proposal's record, only to the brand's own workflow", async () => {
    const other = await app.fixtures.brand();
    const [otherAdmin, otherManager] = await Promise.all([
      app.fixtures.member(other.id, ['ADMIN']),
      app.fixtures.member(other.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(other.id, ['APPROVER']),
    ]);
    await set(workflowUrl(receiver, 'other').url, otherAdmin.token, other.id);
    const before = receiver.received.length;

    const rejected = await app.fixtures.inReview(brand.id, manager.token, {
      title: 'Close for the march',
      urgency: 'CRISIS',
    });
    const decide = async (proposal: { id: string; contentHash: string }, outcome: string) => {
      const answer = await app.data(
        DECIDE,
        {
          input: {
            proposalId: proposal.id,
            outcome,
            contentHash: proposal.contentHash,
            comment: `Decided: ${outcome}`,
          },
        },
        approver.token,
      );
      expect(answer.decide.__typename).not.toMatch(/Error$/);
    };
    await decide(rejected, 'REJECT');
    const approved = await app.fixtures.inReview(brand.id, manager.token, { title: 'Pride post' });
    await decide(approved, 'APPROVE');
    const sentBack = await app.fixtures.inReview(brand.id, manager.token, { title: 'Vote post' });
    await decide(sentBack, 'REQUEST_CHANGES');
    await app.fixtures.inReview(other.id, otherManager.token, { title: 'Other brand post' });

    const rows = await teamsRows(brand.id);
    expect(
      rows.every(
        (r) =>
          r.recipient ===
          `Teams workflow at ${new URL(receiver.url).host} (…${workflow.sig.slice(-4)})`,
      ),
    ).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(workflow.sig);
    while ((await deliverOutbox(app.t)) > 0);
    expect((await teamsRows(brand.id)).map((r) => r.status)).toEqual(rows.map(() => 'SENT'));
    expect(receiver.received.length).toBeGreaterThan(before);
    // Delivered to the URL as given, query and signature included.
    const mine = receiver.received.filter((r) => r.path.startsWith('/acme/'));
    expect(mine.every((r) => r.path.endsWith(`&sig=${workflow.sig}`))).toBe(true);

    const cards = cardsAt('acme').map(cardText);
    const titles = cards.map((c) => c.title).sort();
    expect(titles).toEqual(
      [
        'Approval requested: Close for the march',
        'Approval requested: Pride post',
        'Approval requested: Vote post',
        'Rejected: Close for the march',
        'Approved: Pride post',
        'Changes requested: Vote post',
      ].sort(),
    );
    const request = cards.find((c) => c.title === 'Approval requested: Close for the march')!;
    expect(request.facts).toMatchObject({ Urgency: 'Crisis', Step: expect.any(String) });
    expect(request.facts).toHaveProperty('Step due');
    expect(request.facts).toHaveProperty('Decision deadline');
    const outcome = cards.find((c) => c.title === 'Rejected: Close for the march')!;
    expect(outcome.facts).toMatchObject({ Outcome: 'Rejected', 'Decided by': expect.any(String) });

    // Every card links to the proposal's record, where a signed-in member reads it; none carries
    // a decision link.
    for (const card of cardsAt('acme')) {
      expect(card.actions).toEqual([
        {
          type: 'Action.OpenUrl',
          title: 'Open the proposal',
          url: expect.stringMatching(/\/proposals\/[^/]+\/decision-record$/),
        },
      ]);
      expect(JSON.stringify(card)).not.toMatch(/\/decide\//);
    }
    const rejectedCards = cardsAt('acme').filter((c) => cardText(c).title.endsWith('the march'));
    expect(new Set(rejectedCards.map((c) => c.actions?.[0].url))).toEqual(
      new Set([`${app.t.config.publicUrl}/proposals/${rejected.id}/decision-record`]),
    );
    // The other brand's workflow got its own card, and nothing of this brand's.
    expect(cardsAt('other').map((c) => cardText(c).title)).toEqual([
      'Approval requested: Other brand post',
    ]);
  });

  it('posts nothing once the workflow is removed: a card queued before is refused for good', async () => {
    await app.fixtures.inReview(brand.id, manager.token, { title: 'Queued, then removed' });
    const queued = (await teamsRows(brand.id)).filter((r) => r.status === 'PENDING');
    expect(queued).toHaveLength(1);
    expect(await app.data(REMOVE, { brandId: brand.id }, admin.token)).toEqual({
      removeTeamsConnection: true,
    });
    const removed = (await app.auditChain(brand.id)).at(-1)!;
    expect(removed.action).toBe('teams_connection.removed');
    expect(JSON.stringify(removed.data)).not.toContain(workflow.sig);
    const transport = app.t.app.get(OutboxTransports).of('TEAMS');
    await expect(transport.deliver(queued[0])).rejects.toThrow(PermanentDeliveryError);
    await app.fixtures.inReview(brand.id, manager.token, { title: 'After removal' });
    expect((await teamsRows(brand.id)).filter((r) => r.status === 'PENDING')).toHaveLength(1);
    expect(await app.data(REMOVE, { brandId: brand.id }, admin.token)).toEqual({
      removeTeamsConnection: false,
    });
  });

  it("never writes the workflow's URL to the log", () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toContain(workflow.sig);
  });
});

describe('Teams workflow targets (private targets refused, as in production)', () => {
  const app = useTestApp(AppModule, { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'false' });

  it('refuses http and private, loopback or link-local hosts, at setting and at posting', async () => {
    const brand = await app.fixtures.brand();
    const admin = await app.fixtures.member(brand.id, ['ADMIN']);
    const cases: [string, string][] = [
      ['http://teams.example.com/workflows/1', 'https'],
      ['https://127.0.0.1/workflows/1?sig=x', 'publicTarget'],
      ['https://10.1.2.3/workflows/1?sig=x', 'publicTarget'],
      ['https://169.254.169.254/latest/meta-data', 'publicTarget'],
      ['https://[::1]/workflows/1', 'publicTarget'],
    ];
    for (const [url, rule] of cases) {
      const refused = await app.gql(SET, { input: { brandId: brand.id, url } }, admin.token);
      expect(fieldsOf(refused)).toEqual([['input.url', rule]]);
    }
    expect(
      await app.t.dataSource.manager.countBy(TeamsConnectionEntity, { brandId: brand.id }),
    ).toBe(0);

    // A workflow stored past the check (its host moved since) is refused when posting, for good.
    const box = app.t.app.get(SecretBox);
    const now = new Date();
    await app.t.dataSource.manager.insert(TeamsConnectionEntity, {
      id: 'tms_moved',
      brandId: brand.id,
      sealedUrl: box.seal('https://127.0.0.1/workflows/1?sig=x', teamsUrlContext('tms_moved')),
      host: '127.0.0.1',
      hint: '…ig=x',
      createdById: admin.id,
      createdAt: now,
      updatedAt: now,
    });
    const manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
    await app.fixtures.member(brand.id, ['APPROVER']);
    await app.fixtures.inReview(brand.id, manager.token);
    const [row] = await app.t.dataSource.manager.findBy(OutboxMessageEntity, {
      brandId: brand.id,
      channel: 'TEAMS',
    });
    const transport = app.t.app.get(OutboxTransports).of('TEAMS');
    await expect(transport.deliver(row)).rejects.toThrow(PermanentDeliveryError);
    await expect(transport.deliver(row)).rejects.toThrow(/non-public address/);
  });
});
