import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** What a sealed secret starts with: the format's version, then the id of the key that sealed it. */
const FORMAT = 'sb1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed secret that does not open: tampered with, moved to another row, or of an unknown key. */
export class SecretUnreadableError extends Error {}

/**
 * Encrypts the credentials Standpoint keeps for others (a chat workspace's bot token, a webhook URL
 * that is itself a secret) at rest, with AES-256-GCM under SECRETS_KEY. A sealed secret is bound
 * to what it is for (`context`, e.g. `slack_workspace:<id>:botToken`): copied into another row or
 * another brand's, it does not open. It names its key, so that after a rotation the retired keys
 * (SECRETS_RETIRED_KEYS) still open what they sealed, and `sealedWithRetiredKey` says what to
 * seal again.
 */
@Injectable()
export class SecretBox {
  private readonly current: SecretKey;
  private readonly byId: ReadonlyMap<string, SecretKey>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.current = secretKeyOf(config.secretsKeys.current);
    const keys = [...config.secretsKeys.retired.map(secretKeyOf), this.current];
    this.byId = new Map(keys.map((key) => [key.id, key]));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.bytes, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const body = Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
    return `${FORMAT}.${this.current.id}.${body}`;
  }

  open(sealed: string, context: string): string {
    const [format, keyId, body, ...rest] = sealed.split('.');
    const key = keyId === undefined ? undefined : this.byId.get(keyId);
    if (format !== FORMAT || body === undefined || rest.length > 0)
      throw new SecretUnreadableError('not a sealed secret');
    if (!key) throw new SecretUnreadableError(`sealed with key ${keyId}, which is not configured`);
    const bytes = Buffer.from(body, 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretUnreadableError('truncated');
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      const plain = decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES));
      return Buffer.concat([plain, decipher.final()]).toString('utf8');
    } catch {
      throw new SecretUnreadableError('tampered with, or sealed for something else');
    }
  }

  /** Whether the secret was sealed with a retired key (to be sealed again with the current one). */
  sealedWithRetiredKey(sealed: string): boolean {
    return sealed.split('.')[1] !== this.current.id;
  }
}

interface SecretKey {
  /** The first 8 bytes of the key's SHA-256, in hex: names the key without revealing it. */
  id: string;
  bytes: Buffer;
}

function secretKeyOf(base64: string): SecretKey {
  const bytes = Buffer.from(base64, 'base64');
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 16), bytes };
}
