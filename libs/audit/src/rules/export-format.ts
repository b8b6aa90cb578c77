import canonicalize from 'canonicalize';
import { AuditEventContent, canonicalEventText, ChainVerification } from './audit-chain';
import { SignedCheckpoint } from './audit-checkpoint';
import { AuditKey, auditKeyOf, AuditKeyRing } from './audit-keys';
import { ChainProof } from './chain-proof';
import { WitnessedCheckpoint, witnessedCheckpoints } from './witness-check';

/**
 * The first line of an NDJSON export names the format, so a verifier knows what it reads. The
 * second format adds the keys to the header and every stored checkpoint after the event at its
 * size; exports of the first (one closing checkpoint, its key on its line) still verify.
 */
export const EXPORT_FORMAT = 'standpoint-audit-export/2';
const FIRST_EXPORT_FORMAT = 'standpoint-audit-export/1';

/** A key as an export or GET /audit/public-key carries it. */
export interface PublishedKey {
  keyId: string;
  publicKey: string;
}

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  brandId: string;
  brandSlug: string;
  exportedAt: string;
  /** The server's key ring, oldest first: it proves integrity, not origin (see `ExportTrust`). */
  publicKeys: PublishedKey[];
}

export function headerLine(header: Omit<ExportHeader, 'format'>): string {
  return canonicalize({ format: EXPORT_FORMAT, ...header }) ?? '';
}

/**
 * One event: its hashed content and its hash, as RFC 8785 JSON on one line. Given the content's
 * canonical text (the verifier has just built it), the hash is put in where sorting puts it, just
 * before the last two keys, `prevHash` and `seq`, whose values cannot hold `,"prevHash":`.
 */
export function eventLine(
  content: AuditEventContent,
  hash: string,
  canonical = canonicalEventText(content),
): string {
  const at = canonical.lastIndexOf(',"prevHash":');
  return `${canonical.slice(0, at)},"hash":${JSON.stringify(hash)}${canonical.slice(at)}`;
}

/** A checkpoint, right after the event at its size; the export's last line is one, signed for it. */
export function checkpointLine(checkpoint: SignedCheckpoint): string {
  return canonicalize({ type: 'checkpoint', ...checkpoint }) ?? '';
}

/**
 * Which key the export's closing checkpoint was checked with, and why the verifier may believe
 * it is the server's: a key given by the reader (`trusted-key`), a key carried in the file whose
 * id the reader pinned (`pinned-fingerprint`) or that a witness saw sign (`witness`). A key only
 * carried in the file (`export`) proves the file is intact, not who made it: whoever rewrites an
 * export can sign it with a key of their own.
 */
export interface ExportTrust {
  trusted: boolean;
  source: 'trusted-key' | 'pinned-fingerprint' | 'witness' | 'export';
  keyId: string | null;
}

export interface ExportVerification extends ChainVerification {
  /** The first line (1-based) that does not verify; null when valid. */
  firstBadLine: number | null;
  reason: string | null;
  /** The export's closing checkpoint, when it has one. */
  checkpoint: SignedCheckpoint | null;
  checkedCheckpoints: number;
  witnessedCheckpoints: number;
  trust: ExportTrust;
}

export interface ExportVerificationOptions {
  /** Keys the reader trusts (a file, GET /audit/public-key); the export's own are then ignored. */
  trustedKeys?: AuditKeyRing;
  /** Key ids (`sha256:…`) the reader pinned: a carried key with one of them is trusted. */
  pinnedKeyIds?: readonly string[];
  /** A witness file: the signed checkpoints an outside witness kept. */
  witnessNotes?: string;
  /** Told the number of each line as it is read (a command's progress). */
  onLine?: (lineNumber: number) => void;
}

/**
 * Verifies an NDJSON export with no database: the header, then every event's hash recomputed
 * from its own fields, its link to the one before, and its numbering, each checkpoint against
 * the chain and tree read so far, the witness's checkpoints if any, and that the export ends with
 * a checkpoint of its head. Stops at the first bad line.
 */
export async function verifyExport(
  lines: AsyncIterable<string>,
  options: ExportVerificationOptions = {},
): Promise<ExportVerification> {
  let proof: ChainProof | undefined;
  let header: { brandId: string } | undefined;
  const carried: AuditKey[] = [];
  let closing: { line: number; checkpoint: SignedCheckpoint } | undefined;
  let lineNumber = 0;
  let lastLine = 0;
  let witnessed: WitnessedCheckpoint[] = [];
  const keys = () => options.trustedKeys ?? new AuditKeyRing(carried);
  const outcome = (line: number | null, reason: string | null): ExportVerification => {
    const result = proof?.result();
    return {
      valid: line === null,
      checkedEvents: result?.checkedEvents ?? 0,
      headSeq: result?.headSeq ?? 0,
      headHash: result?.headHash ?? '',
      firstInvalidSeq:
        line === null ? null : (result?.firstInvalidSeq ?? (result?.headSeq ?? 0) + 1),
      firstBadLine: line,
      reason,
      checkpoint: closing?.checkpoint ?? null,
      checkedCheckpoints: result?.checkedCheckpoints ?? 0,
      witnessedCheckpoints: result?.witnessedCheckpoints ?? 0,
      trust: trustIn(closing?.checkpoint ?? null, options, witnessed),
    };
  };
  const bad = (reason: string, line = lineNumber) => outcome(line, reason);
  for await (const line of lines) {
    lineNumber++;
    options.onLine?.(lineNumber);
    if (line.trim() === '') continue;
    lastLine = lineNumber;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return bad('not JSON');
    }
    if (!header || !proof) {
      if (value.format !== EXPORT_FORMAT && value.format !== FIRST_EXPORT_FORMAT)
        return bad(`the first line does not name the format ${EXPORT_FORMAT}`);
      header = value as unknown as { brandId: string };
      try {
        for (const published of (value.publicKeys ?? []) as PublishedKey[])
          carried.push(auditKeyOf(published.publicKey));
        if (options.witnessNotes !== undefined)
          witnessed = witnessedCheckpoints(options.witnessNotes, header.brandId, keys());
      } catch (error) {
        return bad(`the keys: ${(error as Error).message}`);
      }
      proof = new ChainProof([], keys(), witnessed);
      continue;
    }
    if (value.type === 'checkpoint') {
      const { type: _type, publicKey, ...checkpoint } = value;
      if (typeof publicKey === 'string' && !carried.some((key) => key.publicKeyPem === publicKey))
        try {
          carried.push(auditKeyOf(publicKey)); // the first format carried it on the line
          proof.ring = keys();
        } catch (error) {
          return bad(`the checkpoint's key: ${(error as Error).message}`);
        }
      closing = { line: lineNumber, checkpoint: normalised(checkpoint) };
      if (closing.checkpoint.brandId !== header.brandId)
        return bad('a checkpoint of another brand');
      if (!proof.addCheckpoint(closing.checkpoint))
        return bad(`checkpoint: ${proof.result().reason}`);
      continue;
    }
    const { hash, ...content } = value as unknown as AuditEventContent & { hash: string };
    if (content.brandId !== header.brandId) return bad('an event of another brand');
    let canonical: string;
    try {
      canonical = canonicalEventText(content);
    } catch {
      return bad('the event is not JSON that can be hashed');
    }
    const link = { seq: content.seq, prevHash: content.prevHash, hash, canonical };
    if (!proof.add({ ...link, builtFromLink: true })) {
      const { reason, failedCheckpoint } = proof.result();
      return bad(
        failedCheckpoint || !reason?.startsWith('the hash')
          ? String(reason)
          : 'the hash, the link to the previous event or the numbering does not match',
      );
    }
  }
  if (!header || !proof) return bad('empty: no header line');
  if (!closing || closing.line !== lastLine)
    return bad('no checkpoint: the export must end with one', lastLine + 1);
  const result = proof.result();
  if (!result.valid) return bad(String(result.reason), lastLine);
  return outcome(null, null);
}

/** A checkpoint line's fields, with those the first format did not have. */
function normalised(fields: Record<string, unknown>): SignedCheckpoint {
  return { rootHash: null, note: null, ...fields } as unknown as SignedCheckpoint;
}

function trustIn(
  closing: SignedCheckpoint | null,
  options: ExportVerificationOptions,
  witnessed: readonly WitnessedCheckpoint[],
): ExportTrust {
  const keyId = closing ? String(closing.keyId) : null;
  if (options.trustedKeys) return { trusted: true, source: 'trusted-key', keyId };
  if (keyId && options.pinnedKeyIds?.includes(keyId))
    return { trusted: true, source: 'pinned-fingerprint', keyId };
  if (keyId && witnessed.some((checkpoint) => checkpoint.keyId === keyId))
    return { trusted: true, source: 'witness', keyId };
  return { trusted: false, source: 'export', keyId };
}
