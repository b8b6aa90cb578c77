import { OutboxMessageEntity } from '@standpoint/notifications';
import {
  deliverOutbox,
  errorCodes,
  fieldsOf,
  outboxRows,
  storeWebhookEndpoint,
  TestBrand,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const REGISTER = `mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { endpoint { id url } }
}`;
const UPDATE = `mutation ($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) { id url }
}`;
const RULE = 'a webhook may use port 443, 80 or any port from 1024 up';

/** Webhooks go to web ports only: 443, 80, or 1024 and up, whatever the address rule allows. */
describe.each([
  ['private targets not allowed (the production default)', 'false', 'https://hooks.example.com'],
  ['private targets allowed (tests, development)', 'true', 'http://127.0.0.1'],
])('webhook target ports, %s', (_setting, allowPrivate, base) => {
  const app = useTestApp(AppModule, { WEBHOOKS_ALLOW_PRIVATE_TARGETS: allowPrivate });
  let brand: TestBrand;
  let admin: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    admin = await app.fixtures.member(brand.id, ['ADMIN']);
  });

  const register = (url: string) =>
    app.gql(
      REGISTER,
      { input: { brandId: brand.id, url, eventTypes: ['FREEZE_STARTED'] } },
      admin.token,
    );

  it.each([22, 25, 1023])('refuses port %i at registration with BAD_USER_INPUT', async (port) => {
    const refused = await register(`${base}:${port}/hooks`);

    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(refused)).toEqual([['input.url', 'allowedPort']]);
    expect(refused.errors?.[0].message).toContain(`port ${port} is not allowed: ${RULE}`);
  });

  it('refuses a port below 1024 when an endpoint is changed', async () => {
    // An endpoint stored before the port rule, so that only the new URL is judged.
    const endpoint = await storeWebhookEndpoint(app.t, {
      brandId: brand.id,
      createdById: admin.id,
      url: `${base}:8443/hooks`,
    });

    const refused = await app.gql(
      UPDATE,
      { input: { id: endpoint.id, url: `${base}:110/hooks` } },
      admin.token,
    );

    expect(fieldsOf(refused)).toEqual([['input.url', 'allowedPort']]);
    expect(refused.errors?.[0].message).toContain(`port 110 is not allowed`);
  });

  it('refuses at delivery a stored target on port 25, at once and without retrying', async () => {
    await storeWebhookEndpoint(app.t, {
      brandId: brand.id,
      createdById: admin.id,
      url: `${base}:25/hooks`,
    });
    await app.data(
      `mutation ($input: StartContentFreezeInput!) { startContentFreeze(input: $input) { id } }`,
      { input: { brandId: brand.id, reason: 'Storm' } },
      admin.token,
    );
    const rows = await app.t.dataSource.manager.find(OutboxMessageEntity, {
      where: { brandId: brand.id, channel: 'WEBHOOK', recipient: `${base}:25/hooks` },
    });
    expect(rows).toHaveLength(1);

    await deliverOutbox(app.t);

    const [row] = await outboxRows(app.t, [rows[0].id]);
    expect(row).toMatchObject({ status: 'DEAD', attempts: 1 });
    expect(row.lastError).toBe(`port 25 is not allowed: ${RULE}`);
  });
});

describe('webhook target ports that are allowed', () => {
  const app = useTestApp(AppModule, { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
  let brand: TestBrand;
  let admin: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    admin = await app.fixtures.member(brand.id, ['ADMIN']);
  });

  it.each(['http://127.0.0.1/hooks', 'http://127.0.0.1:443/hooks', 'http://127.0.0.1:1024/hooks'])(
    'registers %s',
    async (url) => {
      const registered = await app.data(
        REGISTER,
        { input: { brandId: brand.id, url, eventTypes: ['FREEZE_STARTED'] } },
        admin.token,
      );

      expect(registered.registerWebhookEndpoint.endpoint.url).toBe(url);
    },
  );
});
