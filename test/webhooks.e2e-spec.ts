import {
  OutboxMessageEntity,
  OutboxTransports,
  PermanentDeliveryError,
  verifySignature,
} from '@standpoint/notifications';
import {
  deliverOutbox,
  errorCodes,
  fieldsOf,
  startWebhookReceiver,
  storeWebhookEndpoint,
  TestBrand,
  TestMember,
  useTestApp,
  WebhookReceiver,
} from '@standpoint/testing';
import { IncomingHttpHeaders } from 'node:http';
import { AppModule } from '../src/app.module';

const REGISTER = `mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes enabled } }
}`;
const UPDATE = `mutation ($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) { id url eventTypes enabled }
}`;
const DELETE = 'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }';
const LIST = 'query ($id: ID!) { webhookEndpoints(brandId: $id) { id url eventTypes enabled } }';
const RESULT = `__typename ... on Proposal { state } ... on ErrorResult { errorCode message }`;
const ALL_TYPES = [
  'PROPOSAL_SUBMITTED',
  'DECISION_RECORDED',
  'OVERRIDE_RECORDED',
  'PROPOSAL_APPROVED',
  'PROPOSAL_REJECTED',
  'CHANGES_REQUESTED',
  'PROPOSAL_EXPIRED',
  'FREEZE_STARTED',
  'FREEZE_ENDED',
  'PROPOSAL_SCHEDULED',
  'PROPOSAL_UNSCHEDULED',
  'PROPOSAL_PUBLISHED',
  'PROPOSAL_WITHDRAWN',
  'PROPOSAL_RETRACTED',
];

describe('signed webhooks (private targets allowed, as in tests and development)', () => {
  const app = useTestApp(AppModule, { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
  let receiver: WebhookReceiver;
  let brand: TestBrand;
  let admin: TestMember;
  let manager: TestMember;
  let approver: TestMember;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    brand = await app.fixtures.brand();
    [admin, manager, approver] = await Promise.all([
      app.fixtures.member(brand.id, ['ADMIN']),
      app.fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(brand.id, ['APPROVER']),
    ]);
  });
  afterAll(() => receiver?.close());

  const register = (input: Record<string, unknown>, token = admin.token) =>
    app.gql(REGISTER, { input: { brandId: brand.id, ...input } }, token);
  const webhookRows = (brandId: string) =>
    app.t.dataSource.manager.find(OutboxMessageEntity, {
      where: { brandId, channel: 'WEBHOOK' },
      order: { id: 'ASC' },
    });
  const transport = () => app.t.app.get(OutboxTransports).of('WEBHOOK');

  it('registers endpoints for brand admins only, never shows a secret again, and audits every change', async () => {
    const others = await Promise.all(
      ['SOCIAL_MANAGER', 'CONTRIBUTOR', 'REVIEWER', 'APPROVER', 'AUDITOR'].map((role) =>
        app.fixtures.member(brand.id, [role]),
      ),
    );
    for (const member of others) {
      const refused = await register(
        { url: `${receiver.url}/x`, eventTypes: ['PROPOSAL_PUBLISHED'] },
        member.token,
      );
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      const listed = await app.gql(LIST, { id: brand.id }, member.token);
      expect(errorCodes(listed)).toEqual(['FORBIDDEN']);
    }
    const made = await register({
      url: `${receiver.url}/made`,
      eventTypes: ['PROPOSAL_PUBLISHED'],
    });
    expect(made.data?.registerWebhookEndpoint.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const id: string = made.data?.registerWebhookEndpoint.endpoint.id;

    // An admin of another brand sees nothing of it and cannot touch it.
    const otherBrand = await app.fixtures.brand();
    const otherAdmin = await app.fixtures.member(otherBrand.id, ['ADMIN']);
    expect(errorCodes(await app.gql(DELETE, { id }, otherAdmin.token))).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await app.gql(UPDATE, { input: { id, enabled: false } }, otherAdmin.token)),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await register(
          { url: `${receiver.url}/x`, eventTypes: ['FREEZE_ENDED'] },
          otherAdmin.token,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    for (const member of others) {
      expect(errorCodes(await app.gql(DELETE, { id }, member.token))).toEqual(['FORBIDDEN']);
    }

    const updated = await app.data(
      UPDATE,
      { input: { id, eventTypes: ['FREEZE_STARTED', 'FREEZE_ENDED'], enabled: false } },
      admin.token,
    );
    expect(updated.updateWebhookEndpoint).toEqual({
      id,
      url: `${receiver.url}/made`,
      eventTypes: ['FREEZE_STARTED', 'FREEZE_ENDED'],
      enabled: false,
    });
    const listed = await app.data(LIST, { id: brand.id }, admin.token);
    expect(listed.webhookEndpoints).toEqual([updated.updateWebhookEndpoint]);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    expect(await app.data(DELETE, { id }, admin.token)).toEqual({ deleteWebhookEndpoint: id });
    expect((await app.data(LIST, { id: brand.id }, admin.token)).webhookEndpoints).toEqual([]);

    const events = (await app.auditChain(brand.id)).filter((e) => e.entityId === id);
    expect(events.map((e) => e.action)).toEqual([
      'webhook_endpoint.registered',
      'webhook_endpoint.updated',
      'webhook_endpoint.deleted',
    ]);
    expect(events[0].actorId).toBe(admin.id);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('whsec_');
  });

  it('answers field errors for a bad URL, no event types and a short secret', async () => {
    const cases: [Record<string, unknown>, [string, string][]][] = [
      [{ url: 'not a url', eventTypes: ['FREEZE_ENDED'] }, [['input.url', 'url']]],
      [{ url: 'ftp://example.com/x', eventTypes: ['FREEZE_ENDED'] }, [['input.url', 'https']]],
      [{ url: `${receiver.url}/x`, eventTypes: [] }, [['input.eventTypes', 'arrayNotEmpty']]],
      [
        { url: `${receiver.url}/x`, eventTypes: ['FREEZE_ENDED'], secret: 'too short' },
        [['input.secret', 'minLength']],
      ],
    ];
    for (const [input, fields] of cases) {
      const refused = await register(input);
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(refused)).toEqual(fields);
    }
    const unknownType = await register({ url: `${receiver.url}/x`, eventTypes: ['NOT_A_TYPE'] });
    expect(unknownType.errors?.[0].message).toMatch(/WebhookEventType/);
  });

  it('delivers every event of an approval story, each signed and verifiable', async () => {
    const secret = 's'.repeat(40);
    const all = await register({ url: `${receiver.url}/all`, eventTypes: ALL_TYPES, secret });
    expect(all.data?.registerWebhookEndpoint.secret).toBe(secret);
    const publishedOnly = await register({
      url: `${receiver.url}/published`,
      eventTypes: ['PROPOSAL_PUBLISHED'],
    });
    const publishedSecret: string = publishedOnly.data?.registerWebhookEndpoint.secret;
    const disabled = await register({ url: `${receiver.url}/off`, eventTypes: ALL_TYPES });
    await app.data(
      UPDATE,
      { input: { id: disabled.data?.registerWebhookEndpoint.endpoint.id, enabled: false } },
      admin.token,
    );

    // The story: a HOLD overruled by an approver, scheduled, frozen, rescheduled, published.
    const created = await app.fixtures.proposal(brand.id, manager.token, {
      title: 'Shelters tonight',
      issue: 'Flood relief',
      stanceType: 'ACTION_ANNOUNCEMENT',
      urgency: 'CRISIS',
      drafts: [{ channel: 'X', body: 'Our stores are open as shelters tonight.' }],
    });
    const proposalId = created.id;
    await app.fixtures.evidence(proposalId, manager.token);
    await app.fixtures.recommendation(proposalId, manager.token, {
      recommendation: 'HOLD',
      rationale: 'Wait for staff',
    });
    const step = async (query: string, variables: Record<string, unknown>, token: string) => {
      const data = await app.data(query, variables, token);
      const result = Object.values(data)[0] as { __typename: string };
      expect(result.__typename).not.toMatch(/Error$/);
    };
    await app.fixtures.submit(proposalId, manager.token);
    await step(
      `mutation ($input: DecideInput!) { decide(input: $input) { __typename } }`,
      {
        input: {
          proposalId,
          outcome: 'APPROVE',
          contentHash: created.contentHash,
          acknowledgeRisks: true,
          comment: 'Staffing confirmed by phone',
        },
      },
      approver.token,
    );
    const schedule = `mutation ($input: ScheduleInput!) { schedule(input: $input) { ${RESULT} } }`;
    const publishAt = new Date(Date.now() + 86_400_000).toISOString();
    await step(schedule, { input: { proposalId, publishAt } }, manager.token);
    await app.data(
      `mutation ($input: StartContentFreezeInput!) { startContentFreeze(input: $input) { id } }`,
      { input: { brandId: brand.id, reason: 'A second storm' } },
      admin.token,
    );
    await app.data(
      `mutation ($id: ID!) { endContentFreeze(brandId: $id) { id } }`,
      { id: brand.id },
      admin.token,
    );
    await step(schedule, { input: { proposalId, publishAt } }, approver.token);
    await step(
      `mutation ($input: MarkPublishedInput!) { markPublished(input: $input) { ${RESULT} } }`,
      { input: { proposalId, channel: 'X', url: 'https://x.example.com/brand/status/1' } },
      manager.token,
    );

    // Each row was written with its change; the worker's outbox job delivers them, several at a
    // time, so they are put back in the order of their rows to be read.
    const rows = await webhookRows(brand.id);
    while ((await deliverOutbox(app.t)) > 0);
    expect((await webhookRows(brand.id)).map((r) => r.status)).toEqual(rows.map(() => 'SENT'));
    const rank = new Map(rows.map((row, i) => [row.messageId, i]));
    const rankOf = (r: { headers: IncomingHttpHeaders }) =>
      rank.get(String(r.headers['standpoint-delivery'])) ?? -1;
    const received = receiver.received
      .filter((r) => rankOf(r) >= 0)
      .sort((a, b) => rankOf(a) - rankOf(b));
    const toAll = received.filter((r) => r.path === '/all');
    expect(toAll.map((r) => JSON.parse(r.body).type)).toEqual([
      'PROPOSAL_SUBMITTED',
      'DECISION_RECORDED',
      'OVERRIDE_RECORDED',
      'PROPOSAL_APPROVED',
      'PROPOSAL_SCHEDULED',
      'FREEZE_STARTED',
      'PROPOSAL_UNSCHEDULED',
      'FREEZE_ENDED',
      'PROPOSAL_SCHEDULED',
      'PROPOSAL_PUBLISHED',
    ]);
    const toPublished = received.filter((r) => r.path === '/published');
    expect(toPublished.map((r) => JSON.parse(r.body).type)).toEqual(['PROPOSAL_PUBLISHED']);
    expect(received.filter((r) => r.path === '/off')).toEqual([]);
    expect(received).toHaveLength(rows.length);

    for (const delivery of received) {
      const key = delivery.path === '/all' ? secret : publishedSecret;
      const body = JSON.parse(delivery.body);
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(delivery.headers['standpoint-delivery']).toBe(body.id);
      expect(delivery.headers['standpoint-event']).toBe(body.type);
      const header = String(delivery.headers['standpoint-signature']);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature(key, delivery.body, header, new Date())).toEqual({ valid: true });
      // A single changed character, or another endpoint's secret, fails verification.
      const tampered = delivery.body.replace(body.type, `${body.type}X`);
      expect(verifySignature(key, tampered, header, new Date())).toEqual({
        valid: false,
        reason: 'mismatch',
      });
      expect(verifySignature(`${key}-other`, delivery.body, header, new Date()).valid).toBe(false);
    }

    // The body: what happened, to what, when; no secret, no dossier.
    const approved = JSON.parse(toAll[3].body);
    expect(approved).toEqual({
      id: approved.id,
      type: 'PROPOSAL_APPROVED',
      brandId: brand.id,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      sequence: expect.any(Number),
      proposalId,
      data: {
        decisionId: expect.stringMatching(/^dcs_/),
        revisionNumber: 1,
        contentHash: created.contentHash,
        state: 'APPROVED',
      },
    });
    expect(JSON.parse(toAll[2].body).data).toMatchObject({
      approverId: approver.id,
      recommendation: 'HOLD',
      acknowledged: ['The team recommends HOLD'],
    });
    expect(JSON.parse(toPublished[0].body)).toMatchObject({
      proposalId,
      data: { channel: 'X', url: 'https://x.example.com/brand/status/1', state: 'PUBLISHED' },
    });
    expect(received.map((r) => r.body).join()).not.toMatch(/whsec_|s{40}/);

    // A resend carries the same delivery id, so the receiver can tell it was a repeat.
    await transport().deliver(rows[0]);
    expect(receiver.received.at(-1)?.headers['standpoint-delivery']).toBe(rows[0].messageId);
  });

  it('throws to retry on an error answer or a redirect (never followed)', async () => {
    const [row] = await webhookRows(brand.id);
    for (const status of [500, 302, 404]) {
      receiver.answer(status);
      const before = receiver.received.length;
      const failure = transport().deliver(row);
      await expect(failure).rejects.toThrow(`HTTP ${status}`);
      await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
      expect(receiver.received.slice(before).map((r) => r.path)).toEqual(['/all']);
    }
    receiver.answer(204);
  });

  it('delivers by host name to the address it resolved and checked', async () => {
    const named = await register({
      url: `${receiver.url.replace('127.0.0.1', 'localhost')}/named`,
      eventTypes: ['FREEZE_ENDED'],
    });
    const endpointId: string = named.data?.registerWebhookEndpoint.endpoint.id;
    await app.data(
      `mutation ($input: StartContentFreezeInput!) { startContentFreeze(input: $input) { id } }`,
      { input: { brandId: brand.id, reason: 'Another storm' } },
      admin.token,
    );
    await app.data(
      `mutation ($id: ID!) { endContentFreeze(brandId: $id) { id } }`,
      { id: brand.id },
      admin.token,
    );
    const rows = (await webhookRows(brand.id)).filter((r) => r.webhookEndpointId === endpointId);
    expect(rows.map((r) => r.topic)).toEqual(['FREEZE_ENDED']);
    await transport().deliver(rows[0]);
    const delivered = receiver.received.at(-1)!;
    expect(delivered.path).toBe('/named');
    expect(delivered.headers.host).toBe(new URL(rows[0].recipient).host);
    expect(
      verifySignature(
        named.data?.registerWebhookEndpoint.secret,
        delivered.body,
        String(delivered.headers['standpoint-signature']),
        new Date(),
      ),
    ).toEqual({ valid: true });
  });

  it('refuses at once a delivery for an endpoint deleted or disabled since', async () => {
    const rows = await webhookRows(brand.id);
    const published = rows.find((r) => r.recipient.endsWith('/published'))!;
    await app.data(
      UPDATE,
      { input: { id: published.webhookEndpointId, enabled: false } },
      admin.token,
    );
    await expect(transport().deliver(published)).rejects.toBeInstanceOf(PermanentDeliveryError);
    await app.data(DELETE, { id: published.webhookEndpointId }, admin.token);
    await expect(transport().deliver(published)).rejects.toThrow('deleted');
  });
});

describe('webhook targets on private networks (not allowed: the production default)', () => {
  const app = useTestApp(AppModule);
  let brand: TestBrand;
  let admin: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    admin = await app.fixtures.member(brand.id, ['ADMIN']);
  });

  it.each([
    'https://127.0.0.1/hooks',
    'https://10.0.0.8/hooks',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hooks',
    'https://[fd00::1]/hooks',
    'https://localhost:8443/hooks',
  ])('refuses %s at registration', async (url) => {
    const refused = await app.gql(
      REGISTER,
      { input: { brandId: brand.id, url, eventTypes: ['PROPOSAL_PUBLISHED'] } },
      admin.token,
    );
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(refused)).toEqual([['input.url', 'publicTarget']]);
  });

  it('refuses plain http', async () => {
    const refused = await app.gql(
      REGISTER,
      {
        input: { brandId: brand.id, url: 'http://example.com/hooks', eventTypes: ['FREEZE_ENDED'] },
      },
      admin.token,
    );
    expect(fieldsOf(refused)).toEqual([['input.url', 'https']]);
  });

  it('refuses at delivery a target that is private by then, without sending anything', async () => {
    // An endpoint whose host pointed elsewhere when it was registered; it resolves to loopback now.
    const receiver = await startWebhookReceiver();
    try {
      const endpoint = await storeWebhookEndpoint(app.t, {
        brandId: brand.id,
        url: `${receiver.url.replace('127.0.0.1', 'localhost')}/hooks`,
        createdById: admin.id,
      });
      await app.data(
        `mutation ($input: StartContentFreezeInput!) { startContentFreeze(input: $input) { id } }`,
        { input: { brandId: brand.id, reason: 'Storm' } },
        admin.token,
      );
      const [row] = await app.t.dataSource.manager.find(OutboxMessageEntity, {
        where: { brandId: brand.id, channel: 'WEBHOOK' },
      });
      expect(row).toMatchObject({ recipient: endpoint.url, topic: 'FREEZE_STARTED' });
      const refused = app.t.app.get(OutboxTransports).of('WEBHOOK').deliver(row);
      await expect(refused).rejects.toBeInstanceOf(PermanentDeliveryError);
      await expect(refused).rejects.toThrow(/non-public/);
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
