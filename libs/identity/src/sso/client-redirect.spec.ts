import {
  askedClientRedirect,
  clientRedirectKey,
  clientRedirectOfKey,
  clientRedirectTo,
} from './client-redirect';

const registered = ['https://app.example.com/signed-in', 'http://localhost:5173/'];

describe('where a sign-in ends for a client', () => {
  it('is a registered address, exactly, or nowhere when none is asked', () => {
    expect(askedClientRedirect(undefined, registered)).toBeNull();
    expect(askedClientRedirect('', registered)).toBeNull();
    expect(askedClientRedirect(registered[0], registered)).toBe(registered[0]);
    for (const other of [
      'https://app.example.com/signed-in/',
      'https://app.example.com/signed-in?x=1',
      'https://evil.example/signed-in',
      ['https://app.example.com/signed-in'],
    ]) {
      expect(askedClientRedirect(other, registered)).toBeUndefined();
    }
  });

  it('travels as a short key that names a registered address only', () => {
    const key = clientRedirectKey(registered[1]!);
    expect(key.length).toBeLessThanOrEqual(80);
    expect(clientRedirectOfKey(key, registered)).toBe(registered[1]);
    expect(clientRedirectOfKey(key, [registered[0]!])).toBeNull();
    expect(clientRedirectOfKey('https://evil.example/', registered)).toBeNull();
  });

  it('carries the code, or the refusal, in the fragment', () => {
    expect(clientRedirectTo(registered[0]!, { code: 'a-b_c' })).toBe(
      'https://app.example.com/signed-in#sign_in_code=a-b_c',
    );
    expect(clientRedirectTo(registered[1]!, { refusal: 'NOT_A_MEMBER' })).toBe(
      'http://localhost:5173/#sign_in_error=NOT_A_MEMBER',
    );
  });
});
