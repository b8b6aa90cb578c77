import { withoutLinkSecrets } from './logging.module';

describe('withoutLinkSecrets', () => {
  it('takes the token of a decision link out of a logged request', () => {
    const token = 'k3J9x-Q2bM7rT0aZ_4wY8nV1pL6sD5fG2hJ0cE9uI3o';
    const logged = withoutLinkSecrets({ url: `/decide/${token}`, params: { token } });
    expect(JSON.stringify(logged)).not.toContain(token);
    expect(logged.url).toBe('/decide/[redacted]');
  });

  it('leaves other requests as they are', () => {
    expect(withoutLinkSecrets({ url: '/graphql', params: {} })).toEqual({
      url: '/graphql',
      params: {},
    });
  });
});
