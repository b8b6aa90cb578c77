import canonicalize from 'canonicalize';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  KeyObject,
  sign,
  verify,
} from 'node:crypto';

/** Names what a checkpoint's signature covers, so the same bytes can never mean something else. */
export const CHECKPOINT_FORMAT = 'standpoint-audit-checkpoint/1';

/** What a checkpoint states: the brand's chain had `size` events and its last hash was `headHash`. */
export interface CheckpointStatement {
  brandId: string;
  /** The number of events, which is also the sequence number of the last one. */
  size: number;
  headHash: string;
  /** ISO 8601 with milliseconds, UTC. */
  signedAt: string;
  /** The signing key's id (`keyIdOf`), so that keys can rotate. */
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointStatement {
  /** Base64 of the Ed25519 signature over `checkpointSignedText`. */
  signature: string;
}

/** The signing side of a key pair, with what a verifier needs to know about it. */
export interface CheckpointSigner {
  privateKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
}

/**
 * The exact signed text: the RFC 8785 canonical JSON of the statement with `format` added,
 * `{brandId, format, headHash, keyId, signedAt, size}`, signed as its UTF-8 bytes.
 */
export function checkpointSignedText(statement: CheckpointStatement): string {
  const { brandId, size, headHash, signedAt, keyId } = statement;
  return canonicalize({ format: CHECKPOINT_FORMAT, brandId, size, headHash, signedAt, keyId })!;
}

/** `sha256:` and the hex SHA-256 of the public key's DER SubjectPublicKeyInfo. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(der).digest('hex')}`;
}

export function checkpointSigner(privateKeyPem: string): CheckpointSigner {
  const privateKey = createPrivateKey(privateKeyPem);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

export function signCheckpoint(
  signer: CheckpointSigner,
  head: Omit<CheckpointStatement, 'keyId'>,
): SignedCheckpoint {
  const statement: CheckpointStatement = { ...head, keyId: signer.keyId };
  const text = Buffer.from(checkpointSignedText(statement), 'utf8');
  return { ...statement, signature: sign(null, text, signer.privateKey).toString('base64') };
}

/**
 * Why a checkpoint's signature cannot be trusted under `publicKeyPem`, or null when it can: it
 * must name that key's id and its signature must verify over the signed text.
 */
export function checkpointSignatureProblem(
  checkpoint: SignedCheckpoint,
  publicKeyPem: string,
): string | null {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(publicKeyPem);
  } catch {
    return 'the public key is not a PEM public key';
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') return 'the public key is not an Ed25519 key';
  const keyId = keyIdOf(publicKey);
  if (checkpoint.keyId !== keyId)
    return `signed by the key ${String(checkpoint.keyId)}, not by ${keyId}`;
  const text = Buffer.from(checkpointSignedText(checkpoint), 'utf8');
  const signature = Buffer.from(String(checkpoint.signature), 'base64');
  return verify(null, text, publicKey, signature) ? null : 'the signature does not verify';
}

/** A checkpoint that the chain or the key contradicts, and why. */
export interface CheckpointFailure {
  checkpoint: SignedCheckpoint;
  reason: string;
}

/**
 * Holds a brand's chain to its signed checkpoints while a verifier walks it in sequence order:
 * `observe` every verified link, then `finish` with the chain's length. A chain rewritten with
 * every later hash recomputed is self-consistent, but its hash at a checkpoint's `size` is no
 * longer the signed one.
 */
export class CheckpointCheck {
  private readonly pending: SignedCheckpoint[];
  private checked = 0;

  constructor(
    checkpoints: readonly SignedCheckpoint[],
    private readonly publicKeyPem: string,
  ) {
    this.pending = [...checkpoints].sort((a, b) => b.size - a.size);
  }

  get checkedCheckpoints(): number {
    return this.checked;
  }

  /** The first checkpoint at this link that does not hold, or null. */
  observe(seq: number, hash: string): CheckpointFailure | null {
    while (this.pending.length > 0 && this.pending[this.pending.length - 1].size <= seq) {
      const checkpoint = this.pending.pop()!;
      const failure = this.failureAt(checkpoint, seq, hash);
      if (failure) return failure;
      this.checked++;
    }
    return null;
  }

  /** A checkpoint beyond the chain's end says events were removed. */
  finish(headSeq: number): CheckpointFailure | null {
    const beyond = this.pending.at(-1);
    if (!beyond) return null;
    const signed = checkpointSignatureProblem(beyond, this.publicKeyPem);
    return {
      checkpoint: beyond,
      reason: signed ?? `signed for ${beyond.size} events, but the chain ends at ${headSeq}`,
    };
  }

  private failureAt(
    checkpoint: SignedCheckpoint,
    seq: number,
    hash: string,
  ): CheckpointFailure | null {
    const signed = checkpointSignatureProblem(checkpoint, this.publicKeyPem);
    if (signed) return { checkpoint, reason: signed };
    if (checkpoint.size !== seq || checkpoint.headHash !== hash)
      return {
        checkpoint,
        reason: `the chain's hash at sequence number ${checkpoint.size} is not the signed head hash`,
      };
    return null;
  }
}
