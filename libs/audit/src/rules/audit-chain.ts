import canonicalize from 'canonicalize';
import { createHash, hash } from 'node:crypto';

/** The previous hash of a brand's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What an audit event says; exactly these fields are hashed. */
export interface AuditEventContent {
  brandId: string;
  seq: number;
  /** ISO 8601 with milliseconds, UTC. */
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  data: { [key: string]: JsonValue };
  prevHash: string;
}

export interface SealedEvent {
  /** The exact text that was hashed: the RFC 8785 canonical JSON of the content. */
  canonical: string;
  hash: string;
}

/** The RFC 8785 (JCS) canonical JSON of an event's content. */
export function canonicalEventText(content: AuditEventContent): string {
  const text = canonicalize(content);
  if (text === undefined) throw new Error('audit event content is not JSON');
  return text;
}

/** hash = hex(SHA-256(UTF-8(prevHash ‖ canonical))). */
export function chainHash(prevHash: string, canonical: string): string {
  // One call on the joined text costs a fraction of a Hash object per event. The UTF-8 of the
  // joined text is the two UTF-8s end to end unless a surrogate pair would form at the seam.
  const last = prevHash.charCodeAt(prevHash.length - 1);
  if (last >= 0xd800 && last <= 0xdbff)
    return createHash('sha256').update(prevHash, 'utf8').update(canonical, 'utf8').digest('hex');
  return hash('sha256', prevHash + canonical, 'hex');
}

export function sealEvent(content: AuditEventContent): SealedEvent {
  const canonical = canonicalEventText(content);
  return { canonical, hash: chainHash(content.prevHash, canonical) };
}

/** A stored event as the verifier sees it. */
export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
  canonical: string;
  /**
   * Set when `canonical` was just built from this very `seq` and `prevHash` (from a stored row's
   * columns, or an export line's fields): it names them, and reading it back to see would only
   * cost time.
   */
  builtFromLink?: true;
}

export interface ChainVerification {
  valid: boolean;
  checkedEvents: number;
  headSeq: number;
  headHash: string;
  /** The first event whose hash, link or numbering does not match; null when valid. */
  firstInvalidSeq: number | null;
}

/**
 * Checks a brand's events in sequence order: numbering from 1 without gaps, each previous hash
 * equal to the hash before it, each hash recomputed from the stored canonical text, and the
 * canonical text itself naming the same sequence number and previous hash.
 */
export function verifyChain(links: Iterable<ChainLink>): ChainVerification {
  const verifier = new ChainVerifier();
  for (const link of links) if (!verifier.add(link)) break;
  return verifier.result();
}

/**
 * The same check, one link at a time, for chains read in batches or streamed from a file: `add`
 * answers false at the first link that breaks the chain, and `result` tells where.
 */
export class ChainVerifier {
  private expectedSeq: number;
  private previousHash: string;
  private checkedEvents = 0;
  private broken = false;

  /** From the start of the chain, or onward from a head already proven (a signed checkpoint). */
  constructor(from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }) {
    this.expectedSeq = from.seq + 1;
    this.previousHash = from.hash;
  }

  add(link: ChainLink): boolean {
    if (this.broken) return false;
    if (!linkHolds(link, this.expectedSeq, this.previousHash)) {
      this.broken = true;
      return false;
    }
    this.checkedEvents++;
    this.expectedSeq++;
    this.previousHash = link.hash;
    return true;
  }

  result(): ChainVerification {
    return {
      valid: !this.broken,
      checkedEvents: this.checkedEvents,
      headSeq: this.expectedSeq - 1,
      headHash: this.previousHash,
      // The chain breaks at the position expected next, whatever the bad row claims to be.
      firstInvalidSeq: this.broken ? this.expectedSeq : null,
    };
  }
}

function linkHolds(link: ChainLink, expectedSeq: number, previousHash: string): boolean {
  if (link.seq !== expectedSeq || link.prevHash !== previousHash) return false;
  if (chainHash(link.prevHash, link.canonical) !== link.hash) return false;
  if (link.builtFromLink) return true;
  try {
    const content = JSON.parse(link.canonical) as Partial<AuditEventContent>;
    return content.seq === link.seq && content.prevHash === link.prevHash;
  } catch {
    return false;
  }
}
