import { redactedUrl, withoutLinkSecrets } from './request-redaction';

const TOKEN = 'k3J9x-Q2bM7rT0aZ_4wY8nV1pL6sD5fG2hJ0cE9uI3o';
const percentEncoded = (text: string) =>
  [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');

describe('redactedUrl', () => {
  it.each([
    ['a decision link', `/decide/${TOKEN}`, '/decide/[redacted]'],
    ['a decision link in another case', `/Decide/${TOKEN}`, '/decide/[redacted]'],
    ['a decision link in capitals', `/DECIDE/${TOKEN}/`, '/decide/[redacted]'],
    ['a percent-encoded token', `/decide/${percentEncoded(TOKEN)}`, '/decide/[redacted]'],
    ['a percent-encoded route', `/%64ecide/${TOKEN}`, '/decide/[redacted]'],
    ['a twice-encoded route', `/%2564ecide/${TOKEN}`, '/decide/[redacted]'],
    ['doubled slashes', `//decide//${TOKEN}`, '/decide/[redacted]'],
    ['a query after the token', `/decide/${TOKEN}?x=1`, '/decide/[redacted]'],
    ['an account link', `/account/password/${TOKEN}`, '/account/password/[redacted]'],
    ['a calendar feed', `/calendar/${TOKEN}.ics`, '/calendar/[redacted]'],
    [
      'an account link in another case',
      `/Account/Password/${TOKEN}`,
      '/account/password/[redacted]',
    ],
    [
      'an absolute link',
      `https://standpoint.example/decide/${TOKEN}`,
      'https://standpoint.example/decide/[redacted]',
    ],
    [
      "the printable record's access",
      `/proposals/prp_1/decision-record?access=${TOKEN}`,
      '/proposals/prp_1/decision-record?access=[redacted]',
    ],
    [
      'access in another case, among other parameters',
      `/proposals/prp_1/decision-record?lang=en&ACCESS=${TOKEN}&x=1`,
      '/proposals/prp_1/decision-record?lang=en&ACCESS=[redacted]&x=1',
    ],
    [
      'a percent-encoded parameter name',
      `/anything?%61ccess=${TOKEN}`,
      '/anything?%61ccess=[redacted]',
    ],
    ['a token parameter anywhere', `/anything?token=${TOKEN}`, '/anything?token=[redacted]'],
  ])('hides %s', (_what, url, redacted) => {
    expect(redactedUrl(url)).toBe(redacted);
  });

  it.each(['/graphql', '/health', '/proposals/prp_1/decision-record', '/dev/mailbox?x=1'])(
    'leaves %s as it is',
    (url) => {
      expect(redactedUrl(url)).toBe(url);
    },
  );

  it('does not fail on text that is no valid percent-encoding', () => {
    expect(redactedUrl(`/decide/%E0%A4%A/${TOKEN}`)).toBe('/decide/[redacted]');
    expect(redactedUrl('/graphql?q=%')).toBe('/graphql?q=%');
  });
});

describe('withoutLinkSecrets', () => {
  it('takes the token of a decision link out of a logged request, parameters included', () => {
    const logged = withoutLinkSecrets({ url: `/Decide/${TOKEN}`, params: { token: TOKEN } });
    expect(JSON.stringify(logged)).not.toContain(TOKEN);
    expect(logged.url).toBe('/decide/[redacted]');
  });

  it("takes the printable record's access out of the URL and the parsed query", () => {
    const logged = withoutLinkSecrets({
      url: `/proposals/prp_1/decision-record?access=${TOKEN}`,
      params: { id: 'prp_1' },
      query: { access: TOKEN },
    });
    expect(JSON.stringify(logged)).not.toContain(TOKEN);
    expect(logged.params).toEqual({ id: 'prp_1' });
  });

  it('takes a link out of the referrer without touching the live request headers', () => {
    const headers = { referer: `http://standpoint.test/decide/${TOKEN}`, host: 'x' };
    const logged = withoutLinkSecrets({ url: '/graphql', headers });
    expect(JSON.stringify(logged)).not.toContain(TOKEN);
    expect(headers.referer).toContain(TOKEN);
  });

  it('leaves other requests as they are', () => {
    expect(withoutLinkSecrets({ url: '/graphql', params: {} })).toEqual({
      url: '/graphql',
      params: {},
    });
  });
});
