import type { AppConfig } from '@standpoint/config';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { SecretBox, SecretUnreadableError } from './secret-box';

const newKey = () => randomBytes(32).toString('base64');
const boxOf = (current: string, retired: string[] = []) =>
  new SecretBox({ secretsKeys: { current, retired } } as unknown as AppConfig);

describe('SecretBox', () => {
  const key = newKey();
  const box = boxOf(key);

  it('opens what it sealed, for the same context', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (secret, context) => {
        expect(box.open(box.seal(secret, context), context)).toBe(secret);
      }),
    );
  });

  it('never shows the secret, and seals it differently each time', () => {
    const secret = 'xoxb-123456789012-abcdefghijklmnop';
    const sealed = box.seal(secret, 'slack_workspace:w1:botToken');
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(Buffer.from(secret).toString('base64url'));
    expect(box.seal(secret, 'slack_workspace:w1:botToken')).not.toBe(sealed);
    expect(sealed).toMatch(/^sb1\.[0-9a-f]{16}\.[A-Za-z0-9_-]+$/);
  });

  it('refuses a secret moved to another context (another row, another brand)', () => {
    const sealed = box.seal('token', 'slack_workspace:w1:botToken');
    expect(() => box.open(sealed, 'slack_workspace:w2:botToken')).toThrow(SecretUnreadableError);
  });

  it('refuses a secret tampered with, truncated or of another format', () => {
    const sealed = box.seal('token', 'c');
    const [format, id, body] = sealed.split('.');
    const bytes = Buffer.from(body!, 'base64url');
    bytes[bytes.length - 20]! ^= 1;
    expect(() => box.open(`${format}.${id}.${bytes.toString('base64url')}`, 'c')).toThrow(
      SecretUnreadableError,
    );
    expect(() => box.open(`${format}.${id}.AAAA`, 'c')).toThrow(SecretUnreadableError);
    expect(() => box.open('token', 'c')).toThrow(SecretUnreadableError);
    expect(() => box.open(`${sealed}.x`, 'c')).toThrow(SecretUnreadableError);
  });

  it('opens with a retired key what it sealed, and says it should be sealed again', () => {
    const old = boxOf(key);
    const sealed = old.seal('token', 'c');
    const rotated = boxOf(newKey(), [key]);
    expect(rotated.open(sealed, 'c')).toBe('token');
    expect(rotated.sealedWithRetiredKey(sealed)).toBe(true);
    expect(rotated.sealedWithRetiredKey(rotated.seal('token', 'c'))).toBe(false);
  });

  it('refuses a secret of a key that is not configured', () => {
    const sealed = boxOf(newKey()).seal('token', 'c');
    expect(() => box.open(sealed, 'c')).toThrow(/not configured/);
  });
});
