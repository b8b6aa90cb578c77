import canonicalize from 'canonicalize';
import {
  AuditEventContent,
  canonicalEventText,
  ChainVerification,
  ChainVerifier,
} from './audit-chain';

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

/** One event: its hashed content and its hash, as RFC 8785 JSON on one line. */
export function eventLine(content: AuditEventContent, hash: string): string {
  return canonicalize({ ...content, hash }) ?? '';
}

export interface ExportVerification extends ChainVerification {
  /** The first line (1-based) that does not verify; null when valid. */
  firstBadLine: number | null;
  reason: string | null;
}

/**
 * Verifies an NDJSON export with no database: the header, then every event's hash recomputed
 * from its own fields, its link to the one before, and its numbering. Stops at the first bad line.
 */
export async function verifyExport(lines: AsyncIterable<string>): Promise<ExportVerification> {
  const chain = new ChainVerifier();
  let header: ExportHeader | undefined;
  let lineNumber = 0;
  const bad = (reason: string): ExportVerification => ({
    ...chain.result(),
    valid: false,
    firstBadLine: lineNumber,
    reason,
  });
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
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
    const { hash, ...content } = value as unknown as AuditEventContent & { hash: string };
    if (content.brandId !== header.brandId) return bad('an event of another brand');
    let canonical: string;
    try {
      canonical = canonicalEventText(content);
    } catch {
      return bad('the event is not JSON that can be hashed');
    }
    if (!chain.add({ seq: content.seq, prevHash: content.prevHash, hash, canonical })) {
      return bad('the hash, the link to the previous event or the numbering does not match');
    }
  }
  if (!header) return bad('empty: no header line');
  return { ...chain.result(), firstBadLine: null, reason: null };
}
