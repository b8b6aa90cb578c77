import canonicalize from 'canonicalize';
import { createPrivateKey, KeyObject, verify } from 'node:crypto';
import { AuditKey, auditKeyOf, AuditKeyRing } from './audit-keys';
import { parseNote, signNote, verifiedSigners } from './signed-note';

/** The first checkpoints, before the Merkle tree, signed this JSON format; they still verify. */
export const JSON_CHECKPOINT_FORMAT = 'standpoint-audit-checkpoint/1';

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

/**
 * A signed checkpoint. Since the Merkle tree it is a C2SP checkpoint (c2sp.org/tlog-checkpoint):
 * the signed note `<origin>\n<size>\n<base64 root>\n`, whose root commits to every event's
 * canonical text (and so to every chain hash too). The first ones signed a JSON text instead.
 */
export interface SignedCheckpoint extends CheckpointStatement {
  /** Base64 of the Ed25519 signature: over the note text, or over the first format's JSON text. */
  signature: string;
  /** Base64 RFC 9162 root of the tree of the first `size` events; null in the first format. */
  rootHash: string | null;
  /** The C2SP signed note; null in the first format. */
  note: string | null;
}

/** The signing side: the current private key, and the log name that prefixes each brand's origin. */
export interface CheckpointSigner {
  privateKey: KeyObject;
  key: AuditKey;
  logName: string;
}

export function checkpointSigner(privateKeyPem: string, logName: string): CheckpointSigner {
  const privateKey = createPrivateKey(privateKeyPem);
  return { privateKey, key: auditKeyOf(privateKey), logName };
}

/** The C2SP origin (and note key name) of a brand's log: `<log name>/<brand id>`. */
export function checkpointOrigin(logName: string, brandId: string): string {
  return `${logName}/${brandId}`;
}

/**
 * Signs a checkpoint of the head. Its origin is the brand's log's: that of its earlier checkpoints
 * when given (a brand's log keeps its name when AUDIT_LOG_NAME changes, or a command runs without
 * it), else `<log name>/<brand id>`.
 */
export function signCheckpoint(
  signer: CheckpointSigner,
  {
    origin: given,
    ...head
  }: {
    brandId: string;
    size: number;
    headHash: string;
    rootHash: Buffer;
    signedAt: string;
    origin?: string;
  },
): SignedCheckpoint {
  const origin = given ?? checkpointOrigin(signer.logName, head.brandId);
  const rootHash = head.rootHash.toString('base64');
  const note = signNote(`${origin}\n${head.size}\n${rootHash}\n`, origin, signer.privateKey);
  const signature = parseNote(note).signatures[0].signature.toString('base64');
  return { ...head, rootHash, keyId: signer.key.keyId, signature, note };
}

/**
 * The exact text of a first-format checkpoint's signature: the RFC 8785 canonical JSON
 * `{brandId, format, headHash, keyId, signedAt, size}`, signed as its UTF-8 bytes.
 */
export function jsonCheckpointText(statement: CheckpointStatement): string {
  const { brandId, size, headHash, signedAt, keyId } = statement;
  return canonicalize({
    format: JSON_CHECKPOINT_FORMAT,
    brandId,
    size,
    headHash,
    signedAt,
    keyId,
  })!;
}

/** A checkpoint's signer in the ring and its rank, or why the ring cannot vouch for it. */
export type CheckpointTrust = { key: AuditKey; rank: number } | { problem: string };

/**
 * Whether a key of `ring` signed the checkpoint: the key it names must be in the ring, and its
 * signature must verify over the note (which must state the checkpoint's brand, size and root),
 * or, in the first format, over the JSON text.
 */
export function checkpointTrust(checkpoint: SignedCheckpoint, ring: AuditKeyRing): CheckpointTrust {
  const found = ring.find(String(checkpoint.keyId));
  if (!found)
    return { problem: `signed by the key ${String(checkpoint.keyId)}, which is not trusted` };
  const problem = checkpoint.note
    ? noteProblem(checkpoint, checkpoint.note, found.key)
    : jsonSignatureProblem(checkpoint, found.key);
  return problem ? { problem } : found;
}

function noteProblem(checkpoint: SignedCheckpoint, note: string, key: AuditKey): string | null {
  try {
    const parsed = parseNote(note);
    const [origin, size, root, ...extensions] = parsed.text.slice(0, -1).split('\n');
    if (
      extensions.length > 0 ||
      !origin.endsWith(`/${checkpoint.brandId}`) ||
      size !== String(checkpoint.size) ||
      root !== checkpoint.rootHash
    )
      return "the signed note does not state this checkpoint's brand, size and root";
    const signers = verifiedSigners(parsed, [{ keyName: origin, publicKey: key.publicKey }]);
    if (signers.length === 0) return `the note carries no signature of the key ${key.keyId}`;
    const signatures = parsed.signatures.map((line) => line.signature.toString('base64'));
    return signatures.includes(checkpoint.signature)
      ? null
      : 'the signature is not the one on the signed note';
  } catch (error) {
    return `the signed note does not verify: ${(error as Error).message}`;
  }
}

function jsonSignatureProblem(checkpoint: SignedCheckpoint, key: AuditKey): string | null {
  const text = Buffer.from(jsonCheckpointText(checkpoint), 'utf8');
  const signature = Buffer.from(String(checkpoint.signature), 'base64');
  return verify(null, text, key.publicKey, signature) ? null : 'the signature does not verify';
}

/** The origin a checkpoint's note names: its first line. */
export function originOf(note: string): string {
  return note.slice(0, note.indexOf('\n'));
}

/** What a C2SP checkpoint note states, and the ring key whose signature on it verified. */
export interface CheckpointNote {
  origin: string;
  size: number;
  /** Base64 RFC 9162 root. */
  rootHash: string;
  keyId: string;
  note: string;
}

/**
 * Reads a checkpoint note signed by a key of `ring`: origin, size and root, no extension lines.
 * Throws, saying why, on anything else.
 */
export function readCheckpointNote(note: string, ring: AuditKeyRing): CheckpointNote {
  const parsed = parseNote(note);
  const [origin, size, rootHash, ...extensions] = parsed.text.slice(0, -1).split('\n');
  if (
    extensions.length > 0 ||
    !/^(0|[1-9]\d*)$/.test(size ?? '') ||
    !/^[A-Za-z0-9+/]{43}=$/.test(rootHash ?? '')
  )
    throw new Error(`the note "${origin}" is not a checkpoint`);
  const signer = ring.keys.find(
    (key) => verifiedSigners(parsed, [{ keyName: origin, publicKey: key.publicKey }]).length > 0,
  );
  if (!signer) throw new Error(`the checkpoint of ${size} events is signed by no trusted key`);
  return { origin, size: Number(size), rootHash, keyId: signer.keyId, note };
}

/** A checkpoint that the chain or the keys contradict, and why. */
export interface CheckpointFailure {
  checkpoint: SignedCheckpoint;
  reason: string;
}

/**
 * Holds a brand's chain to its signed checkpoints while a verifier walks it in sequence order:
 * `observe` every verified link, then `finish` with the chain's length. A chain rewritten with
 * every later hash recomputed is self-consistent, but its tree root (and its hash) at a
 * checkpoint's `size` are no longer the signed ones; two checkpoints that both match the chain
 * read once necessarily extend one another.
 */
export class CheckpointCheck {
  private readonly pending: SignedCheckpoint[];
  private checked = 0;
  private sealed = 0;
  private highestRank = -1;

  constructor(
    checkpoints: readonly SignedCheckpoint[],
    /** The keys checkpoints are checked with; an export may name them only at its end. */
    public ring: AuditKeyRing,
  ) {
    this.pending = [...checkpoints].sort((a, b) => b.size - a.size);
  }

  /** One more checkpoint to hold the chain to, as an export interleaves them. */
  add(checkpoint: SignedCheckpoint): void {
    this.pending.push(checkpoint);
    this.pending.sort((a, b) => b.size - a.size);
  }

  get checkedCheckpoints(): number {
    return this.checked;
  }

  /** The size of the last checkpoint that held: the events up to it are sealed. */
  get sealedSize(): number {
    return this.sealed;
  }

  /** The first checkpoint at this link that does not hold, or null; `root` is the tree's root here. */
  observe(seq: number, hash: string, root: () => Buffer): CheckpointFailure | null {
    while (this.pending.length > 0 && this.pending[this.pending.length - 1].size <= seq) {
      const checkpoint = this.pending.pop()!;
      const failure = this.failureAt(checkpoint, seq, hash, root);
      if (failure) return failure;
      this.checked++;
      this.sealed = checkpoint.size;
    }
    return null;
  }

  /** A checkpoint beyond the chain's end says events were removed. */
  finish(headSeq: number): CheckpointFailure | null {
    const beyond = this.pending.at(-1);
    if (!beyond) return null;
    const trust = checkpointTrust(beyond, this.ring);
    return {
      checkpoint: beyond,
      reason:
        'problem' in trust
          ? trust.problem
          : `signed for ${beyond.size} events, but the chain ends at ${headSeq}`,
    };
  }

  private failureAt(
    checkpoint: SignedCheckpoint,
    seq: number,
    hash: string,
    root: () => Buffer,
  ): CheckpointFailure | null {
    const trust = checkpointTrust(checkpoint, this.ring);
    if ('problem' in trust) return { checkpoint, reason: trust.problem };
    if (trust.rank < this.highestRank)
      return {
        checkpoint,
        reason: `signed by the retired key ${checkpoint.keyId} after a newer key had signed`,
      };
    this.highestRank = trust.rank;
    const differs =
      checkpoint.size !== seq ||
      checkpoint.headHash !== hash ||
      (checkpoint.rootHash !== null && checkpoint.rootHash !== root().toString('base64'));
    return differs
      ? {
          checkpoint,
          reason: `the chain at sequence number ${checkpoint.size} is not the signed one`,
        }
      : null;
  }
}
