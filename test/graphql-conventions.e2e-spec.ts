import { BrandsService } from '@standpoint/identity';
import { errorCodes, Fixtures, startTestApp, TestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

describe('GraphQL in production mode', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp(AppModule, { NODE_ENV: 'production' });
    token = await new Fixtures(t).admin();
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('refuses introspection', async () => {
    const response = await t.gql('{ __schema { types { name } } }', {}, token);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].message).toMatch(/introspection/i);
  });

  it('suggests no field names', async () => {
    const response = await t.gql('{ viewr { id } }', {}, token);
    expect(response.errors?.[0].message).not.toMatch(/did you mean/i);
  });

  it('answers an unexpected failure with INTERNAL_SERVER_ERROR and no detail or stack', async () => {
    jest.spyOn(t.app.get(BrandsService), 'visible').mockRejectedValueOnce(new Error('secret connection detail'));
    const response = await t.gql('{ brands { id } }', {}, token);
    expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(response)).not.toMatch(/secret connection detail|stacktrace/);
  });

  it('serves no landing page that would load assets from elsewhere', async () => {
    const response = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/<script[^>]+src="https?:/);
  });
});

describe('GraphQL outside production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(AppModule);
  });
  afterAll(() => t.close());

  it('echoes the correlation id given, or makes one', async () => {
    const given = await t.gql('{ viewer { id } }', {}, undefined, { 'x-correlation-id': 'trace-42' });
    expect(given.headers.get('x-correlation-id')).toBe('trace-42');
    const made = await t.gql('{ viewer { id } }');
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows introspection for developers', async () => {
    const response = await t.gql<{ __type: { name: string } }>('{ __type(name: "Brand") { name } }');
    expect(response.data?.__type.name).toBe('Brand');
  });
});
