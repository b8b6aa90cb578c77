import { AppConfig } from '@standpoint/config';
import { RefusedTargetError } from '@standpoint/outbound';
import { OidcDiscovery } from './oidc-discovery';

const strict = new OidcDiscovery({ oidcAllowPrivateIssuers: false } as AppConfig);
const fieldsOf = (error: unknown) => (error as { details: { fields: unknown } }).details.fields;

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
