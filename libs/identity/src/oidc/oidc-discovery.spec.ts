import { AppConfig } from '@standpoint/config';
import { SystemClock } from '@standpoint/database';
import { RefusedTargetError } from '@standpoint/outbound';
import { FakeClock, startTestIdentityProvider, TestIdentityProvider } from '@standpoint/testing';
import { DISCOVERY_TTL_MS, OidcDiscovery } from './oidc-discovery';

const strict = new OidcDiscovery(
  { oidcAllowPrivateIssuers: false } as AppConfig,
  new SystemClock(),
);
const fieldsOf = (error: unknown) => (error as { details: { fields: unknown } }).details.fields;
const DISCOVERY = '/.well-known/openid-configuration';

describe('an OIDC issuer, as the server reaches it', () => {
  it.each([
    ['http://idp.example.com', 'https'],
    ['https://127.0.0.1:8443', 'publicTarget'],
    ['https://169.254.169.254', 'publicTarget'],
    ['https://idp.example.com:22', 'allowedPort'],
    ['https://8.8.8.8/?tenant=x', 'issuer'],
  ])('refuses %s (%s)', async (issuer, rule) => {
    const refusal = await strict.checkedIssuer(issuer).catch((error: unknown) => error);
    expect(fieldsOf(refusal)).toEqual([
      expect.objectContaining({ field: 'input.issuer', rules: [rule] }),
    ]);
  });

  it('sends no request to a private address, discovery included', async () => {
    const refusal = await strict
      .configuration('https://127.0.0.1:8443', 'client', 'secret')
      .catch((error: unknown) => error);
    expect((refusal as Error).cause).toBeInstanceOf(RefusedTargetError);
  });

  it('keeps a public issuer without its trailing slash', async () => {
    await expect(strict.checkedIssuer('https://8.8.8.8/')).resolves.toBe('https://8.8.8.8');
  });
});

describe('an OIDC provider’s discovery document, as sign-ins share it', () => {
  let idp: TestIdentityProvider;
  let clock: FakeClock;
  let discovery: OidcDiscovery;
  beforeAll(async () => {
    idp = await startTestIdentityProvider('http://standpoint.test/auth/oidc/callback');
  });
  afterAll(() => idp?.close());
  beforeEach(() => {
    clock = new FakeClock();
    discovery = new OidcDiscovery({ oidcAllowPrivateIssuers: true } as AppConfig, clock);
  });
  const read = (secret = idp.clientSecret, clientId = idp.clientId) =>
    discovery.configuration(idp.issuer, clientId, secret);

  it('is read once for ten minutes, however many ask at once, then read again', async () => {
    const before = idp.served(DISCOVERY);
    const [first, second] = await Promise.all([read(), read()]);
    expect(await read()).toBe(first);
    expect(second).toBe(first);
    expect(idp.served(DISCOVERY)).toBe(before + 1);
    clock.advanceHours(DISCOVERY_TTL_MS / 3_600_000);
    expect(await read()).not.toBe(first);
    expect(idp.served(DISCOVERY)).toBe(before + 2);
  });

  it('is read afresh for another client id or secret, and after it is forgotten', async () => {
    const before = idp.served(DISCOVERY);
    const kept = await read();
    await read('another secret');
    await read(idp.clientSecret, 'another-client');
    expect(idp.served(DISCOVERY)).toBe(before + 3);
    expect(await read()).toBe(kept);
    discovery.forget(kept);
    expect(await read()).not.toBe(kept);
    expect(idp.served(DISCOVERY)).toBe(before + 4);
  });

  it('keeps no failure', async () => {
    const missing = `${idp.issuer}/tenant`;
    for (const attempt of [1, 2]) {
      await expect(discovery.configuration(missing, idp.clientId, 'secret')).rejects.toThrow();
      expect(idp.served(`/tenant${DISCOVERY}`)).toBe(attempt);
    }
  });
});
