import canonicalize from 'canonicalize';
import { AuditEventContent, sealEvent } from './audit-chain';
import { CheckpointNote, readCheckpointNote } from './audit-checkpoint';
import { AuditKeyRing } from './audit-keys';
import { decisionEventPasskeyProblem } from './decision-passkey';
import { ExportTrust, PublishedKey } from './export-format';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle-tree';

// A proof file lets an outsider check one event, or that a log kept its history, with no
// database and nothing but this file and a key they trust. Its `proof` is a C2SP transparency log
// proof (c2sp.org/tlog-proof): the event's index, its inclusion proof and the signed checkpoint.

export const PROOF_FORMAT = 'standpoint-audit-proof/1';
const TLOG_PROOF = 'c2sp.org/tlog-proof@v1';

/** That one event is in a signed checkpoint of its brand's log. */
export interface InclusionProofFile {
  format: typeof PROOF_FORMAT;
  kind: 'inclusion';
  /** The event's hashed content and its chain hash, as an export line has them. */
  event: AuditEventContent & { hash: string };
  /** The C2SP tlog-proof of leaf `seq - 1`. */
  proof: string;
  /** The server's key ring; it proves the file intact, not who made it. */
  publicKeys: PublishedKey[];
}

/** That the log at the later checkpoint extends the one at the earlier: no history rewritten. */
export interface ConsistencyProofFile {
  format: typeof PROOF_FORMAT;
  kind: 'consistency';
  brandId: string;
  /** The earlier checkpoint's signed note, as the auditor kept it. */
  from: string;
  to: string;
  /** The RFC 9162 consistency proof, base64 hashes. */
  hashes: string[];
  publicKeys: PublishedKey[];
}

export type ProofFile = InclusionProofFile | ConsistencyProofFile;

/** The C2SP tlog-proof text: header, index, one base64 hash per line, a blank line, the note. */
export function tlogProof(index: number, hashes: readonly Buffer[], note: string): string {
  const lines = [TLOG_PROOF, `index ${index}`, ...hashes.map((hash) => hash.toString('base64'))];
  return `${lines.join('\n')}\n\n${note}`;
}

function parseTlogProof(text: string): { index: number; hashes: Buffer[]; note: string } {
  const blank = text.indexOf('\n\n');
  if (blank < 0) throw new Error('the tlog-proof has no blank line before its checkpoint');
  const lines = text.slice(0, blank).split('\n');
  if (lines[0] !== TLOG_PROOF) throw new Error(`the proof does not start with ${TLOG_PROOF}`);
  const rest = lines.slice(lines[1]?.startsWith('extra ') ? 2 : 1);
  const index = /^index (0|[1-9]\d*)$/.exec(rest[0] ?? '');
  if (!index) throw new Error('the tlog-proof has no index line');
  const hashes = rest.slice(1).map((line) => {
    if (!/^[A-Za-z0-9+/]{43}=$/.test(line)) throw new Error('a proof line is not a base64 SHA-256');
    return Buffer.from(line, 'base64');
  });
  return { index: Number(index[1]), hashes, note: text.slice(blank + 2) };
}

export function proofFileText(file: ProofFile): string {
  return `${canonicalize(file)}\n`;
}

export interface ProofVerification {
  valid: boolean;
  kind: ProofFile['kind'] | null;
  /** What is wrong, for people; null when valid. */
  reason: string | null;
  /**
   * The proven event: its brand, place in the chain, action and hash, and whether it is a decision
   * the approver's own passkey confirmed (that signature verified too).
   */
  event: {
    brandId: string;
    seq: number;
    action: string;
    at: string;
    hash: string;
    passkeyConfirmed: boolean;
  } | null;
  /** The checkpoint(s) the proof leads to. */
  checkpoints: { origin: string; size: number; rootHash: string; keyId: string }[];
  trust: ExportTrust;
}

export interface ProofVerificationOptions {
  /** Keys the reader trusts; the file's own are then ignored. */
  trustedKeys?: AuditKeyRing;
  /** Key ids the reader pinned: a carried key with one of them is trusted. */
  pinnedKeyIds?: readonly string[];
}

/**
 * Verifies a proof file offline. An inclusion proof: the event's hash recomputed from its content,
 * its leaf hash led by the inclusion proof to the root of a checkpoint of its own brand's log, and
 * that checkpoint's signature. A consistency proof: both checkpoints signed, of the same log, and
 * the later one's tree extending the earlier one's.
 */
export function verifyProofFile(
  text: string,
  options: ProofVerificationOptions = {},
): ProofVerification {
  let file: ProofFile;
  const failed = (reason: string, kind: ProofFile['kind'] | null = null): ProofVerification => ({
    valid: false,
    kind,
    reason,
    event: null,
    checkpoints: [],
    trust: { trusted: false, source: 'export', keyId: null },
  });
  try {
    file = JSON.parse(text) as ProofFile;
  } catch {
    return failed('not JSON');
  }
  if (file?.format !== PROOF_FORMAT)
    return failed(`the file does not name the format ${PROOF_FORMAT}`);
  let ring: AuditKeyRing;
  try {
    ring =
      options.trustedKeys ??
      AuditKeyRing.ofPems((file.publicKeys ?? []).map((key) => key.publicKey));
  } catch (error) {
    return failed(`the keys: ${(error as Error).message}`, file.kind);
  }
  try {
    const proven = file.kind === 'inclusion' ? inclusion(file, ring) : consistency(file, ring);
    const keyId = proven.checkpoints.at(-1)!.keyId;
    return {
      valid: true,
      kind: file.kind,
      reason: null,
      ...proven,
      trust: trustOf(keyId, options),
    };
  } catch (error) {
    return failed((error as Error).message, file.kind);
  }
}

function inclusion(
  file: InclusionProofFile,
  ring: AuditKeyRing,
): Pick<ProofVerification, 'event' | 'checkpoints'> {
  const { hash, ...content } = file.event ?? ({} as InclusionProofFile['event']);
  const { canonical, hash: recomputed } = sealEventOrThrow(content);
  if (recomputed !== hash) throw new Error("the event's hash is not the hash of its content");
  const unconfirmed = decisionEventPasskeyProblem(content);
  if (unconfirmed)
    throw new Error(`the decision's passkey confirmation does not verify: ${unconfirmed}`);
  const { index, hashes, note } = parseTlogProof(String(file.proof));
  if (index !== content.seq - 1)
    throw new Error(`the proof is for leaf ${index}, not for event ${content.seq}`);
  const checkpoint = checkpointOf(note, ring, content.brandId);
  if (
    !verifyInclusion(
      index,
      checkpoint.size,
      leafHash(canonical),
      hashes,
      Buffer.from(checkpoint.rootHash, 'base64'),
    )
  )
    throw new Error(
      `the inclusion proof does not lead to the root of the checkpoint of ${checkpoint.size} events`,
    );
  const { brandId, seq, action, at } = content;
  const passkeyConfirmed = content.data.passkey !== undefined;
  return {
    event: { brandId, seq, action, at, hash, passkeyConfirmed },
    checkpoints: [summary(checkpoint)],
  };
}

function consistency(
  file: ConsistencyProofFile,
  ring: AuditKeyRing,
): Pick<ProofVerification, 'event' | 'checkpoints'> {
  const from = checkpointOf(String(file.from), ring, String(file.brandId));
  const to = checkpointOf(String(file.to), ring, String(file.brandId));
  if (from.origin !== to.origin) throw new Error('the two checkpoints are of different logs');
  const hashes = (file.hashes ?? []).map((hash) => Buffer.from(String(hash), 'base64'));
  const [root1, root2] = [from.rootHash, to.rootHash].map((root) => Buffer.from(root, 'base64'));
  if (!verifyConsistency(from.size, to.size, root1, root2, hashes))
    throw new Error(
      `the log of ${to.size} events does not extend the one of ${from.size}: its history was rewritten`,
    );
  return { event: null, checkpoints: [summary(from), summary(to)] };
}

function checkpointOf(note: string, ring: AuditKeyRing, brandId: string): CheckpointNote {
  const checkpoint = readCheckpointNote(note, ring);
  if (!checkpoint.origin.endsWith(`/${brandId}`))
    throw new Error(`the checkpoint is of the log ${checkpoint.origin}, not of brand ${brandId}`);
  return checkpoint;
}

function summary({ origin, size, rootHash, keyId }: CheckpointNote) {
  return { origin, size, rootHash, keyId };
}

function sealEventOrThrow(content: AuditEventContent) {
  try {
    return sealEvent(content);
  } catch {
    throw new Error('the event is not JSON that can be hashed');
  }
}

function trustOf(keyId: string, options: ProofVerificationOptions): ExportTrust {
  if (options.trustedKeys) return { trusted: true, source: 'trusted-key', keyId };
  if (options.pinnedKeyIds?.includes(keyId))
    return { trusted: true, source: 'pinned-fingerprint', keyId };
  return { trusted: false, source: 'export', keyId };
}

/** The published form of a ring, as exports, proofs and GET /audit/public-key carry it. */
export function publishedKeys(ring: AuditKeyRing): PublishedKey[] {
  return ring.keys.map((key) => ({ keyId: key.keyId, publicKey: key.publicKeyPem }));
}
