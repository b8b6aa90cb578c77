import fc from 'fast-check';
import { isHttpUrl } from './http-url';

describe('isHttpUrl', () => {
  it.each([
    'http://example.com',
    'https://cdn.example/a/b.png?size=2#x',
    '  https://example.com/padded  ',
    'https://user@example.com:8443/',
    'HTTPS://EXAMPLE.COM/',
  ])('accepts %j', (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });

  it.each([
    'ftp://x',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'mailto:jane@acme.example',
    'not a url',
    '/relative/path.png',
    '//example.com/protocol-relative',
    'http://',
    '',
  ])('refuses %j', (url) => {
    expect(isHttpUrl(url)).toBe(false);
  });

  it('refuses what is not a string instead of throwing', () => {
    expect(isHttpUrl(null as unknown as string)).toBe(false);
    expect(isHttpUrl(42 as unknown as string)).toBe(false);
  });

  it('accepts every generated web URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(isHttpUrl(url)).toBe(true);
      }),
    );
  });
});
