import canonicalize from 'canonicalize';
import {
  AuditEventContent,
  canonicalEventText,
  ChainVerification,
  ChainVerifier,
} from './audit-chain';
import { checkpointSignatureProblem, SignedCheckpoint } from './audit-checkpoint';

/** The first line of an NDJSON export names the format, so a verifier knows what it reads. */
export const EXPORT_FORMAT = 'standpoint-audit-export/1';

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  brandId: string;
  brandSlug: string;
  exportedAt: string;
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

/**
 * The last line: the checkpoint signed when the export was made, of the head it exported, with
 * the public key that signed it (`type` and `publicKey` are not signed).
 */
export function checkpointLine(checkpoint: SignedCheckpoint, publicKeyPem: string): string {
  return canonicalize({ type: 'checkpoint', ...checkpoint, publicKey: publicKeyPem }) ?? '';
}

export interface ExportVerification extends ChainVerification {
  /** The first line (1-based) that does not verify; null when valid. */
  firstBadLine: number | null;
  reason: string | null;
  /** The export's closing checkpoint, when it has one. */
  checkpoint: SignedCheckpoint | null;
  /** Which public key the checkpoint's signature was checked with. */
  publicKey: { source: 'export' | 'trusted'; keyId: string | null } | null;
}

export interface ExportVerificationOptions {
  /** A public key (PEM) the verifier trusts; by default the key carried in the export is used. */
  trustedPublicKeyPem?: string;
  /** Told the number of each line as it is read (a command's progress). */
  onLine?: (lineNumber: number) => void;
}

/**
 * Verifies an NDJSON export with no database: the header, then every event's hash recomputed
 * from its own fields, its link to the one before, and its numbering, then the closing
 * checkpoint's signature and that it names the head just recomputed. Stops at the first bad line.
 */
export async function verifyExport(
  lines: AsyncIterable<string>,
  options: ExportVerificationOptions = {},
): Promise<ExportVerification> {
  const chain = new ChainVerifier();
  const publicKey: ExportVerification['publicKey'] = options.trustedPublicKeyPem
    ? { source: 'trusted', keyId: null }
    : { source: 'export', keyId: null };
  let header: ExportHeader | undefined;
  let closing: { line: number; checkpoint: SignedCheckpoint; publicKey: unknown } | undefined;
  let lineNumber = 0;
  let lastLine = 0;
  const bad = (reason: string, line = lineNumber): ExportVerification => ({
    ...chain.result(),
    valid: false,
    firstBadLine: line,
    reason,
    checkpoint: closing?.checkpoint ?? null,
    publicKey,
  });
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
    if (!header) {
      if (value.format !== EXPORT_FORMAT)
        return bad(`the first line does not name the format ${EXPORT_FORMAT}`);
      header = value as unknown as ExportHeader;
      continue;
    }
    if (closing) return bad('a line after the checkpoint, which must be the last line');
    if (value.type === 'checkpoint') {
      const { type: _type, publicKey: carried, ...checkpoint } = value;
      closing = {
        line: lineNumber,
        checkpoint: checkpoint as unknown as SignedCheckpoint,
        publicKey: carried,
      };
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
    if (!chain.add({ ...link, builtFromLink: true })) {
      return bad('the hash, the link to the previous event or the numbering does not match');
    }
  }
  if (!header) return bad('empty: no header line');
  if (!closing) return bad('no checkpoint: the export must end with one', lastLine + 1);
  const keyPem = options.trustedPublicKeyPem ?? closing.publicKey;
  if (typeof keyPem !== 'string') return bad('the checkpoint carries no public key', closing.line);
  publicKey.keyId = closing.checkpoint.keyId ?? null;
  const problem = checkpointProblem(closing.checkpoint, keyPem, header.brandId, chain.result());
  if (problem) return bad(`checkpoint: ${problem}`, closing.line);
  return {
    ...chain.result(),
    firstBadLine: null,
    reason: null,
    checkpoint: closing.checkpoint,
    publicKey,
  };
}

function checkpointProblem(
  checkpoint: SignedCheckpoint,
  publicKeyPem: string,
  brandId: string,
  head: ChainVerification,
): string | null {
  if (checkpoint.brandId !== brandId) return 'of another brand';
  const signature = checkpointSignatureProblem(checkpoint, publicKeyPem);
  if (signature) return signature;
  if (checkpoint.size !== head.headSeq || checkpoint.headHash !== head.headHash)
    return `signed for ${checkpoint.size} events ending in ${checkpoint.headHash}, but the export's ${head.headSeq} events end in ${head.headHash}`;
  return null;
}
