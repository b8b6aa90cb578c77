import { createHash } from 'node:crypto';
import { linkSecretHash, newLinkSecret } from './link-secret';

describe('link secrets', () => {
  it('are 256 random bits in base64url, stored as their SHA-256 alone', () => {
    const { token, tokenHash } = newLinkSecret();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(tokenHash).not.toContain(token);
    expect(linkSecretHash(token)).toBe(tokenHash);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newLinkSecret().token));
    expect(tokens.size).toBe(1000);
  });
});
