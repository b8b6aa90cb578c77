import { createHash, createPublicKey, KeyObject } from 'node:crypto';

/** An Ed25519 public key that signs, or once signed, audit checkpoints. */
export interface AuditKey {
  /** `sha256:` and the hex SHA-256 of the key's DER SubjectPublicKeyInfo. */
  keyId: string;
  publicKey: KeyObject;
  publicKeyPem: string;
}

/** `sha256:` and the hex SHA-256 of the public key's DER SubjectPublicKeyInfo. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(der).digest('hex')}`;
}

/** The audit key of a PEM public key (or of the public half of a private key); throws on anything else. */
export function auditKeyOf(key: string | KeyObject): AuditKey {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(key);
  } catch {
    throw new Error('not a PEM public key');
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Every PEM public key block in a text, in order. */
export function publicKeyBlocks(text: string): string[] {
  return text.match(/-----BEGIN PUBLIC KEY-----[^-]+-----END PUBLIC KEY-----/g) ?? [];
}

/**
 * The keys a verifier holds, oldest first: on a server the retired keys and then the current
 * one (AUDIT_RETIRED_PUBLIC_KEYS, AUDIT_SIGNING_KEY). A key's rank is its place in that order:
 * along a chain, checkpoints never go back to an older key, since a retired key signs nothing new.
 */
export class AuditKeyRing {
  readonly keys: readonly AuditKey[];

  constructor(keys: readonly AuditKey[]) {
    const ids = new Set(keys.map((key) => key.keyId));
    if (ids.size !== keys.length) throw new Error('the same key twice in a key ring');
    this.keys = keys;
  }

  static ofPems(pems: readonly string[]): AuditKeyRing {
    return new AuditKeyRing(pems.map((pem) => auditKeyOf(pem)));
  }

  /** The key with this id and its rank, or undefined. */
  find(keyId: string): { key: AuditKey; rank: number } | undefined {
    const rank = this.keys.findIndex((key) => key.keyId === keyId);
    return rank < 0 ? undefined : { key: this.keys[rank], rank };
  }

  get current(): AuditKey | undefined {
    return this.keys.at(-1);
  }
}
