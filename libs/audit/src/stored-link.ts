import { canonicalEventText, ChainLink } from './rules';
import { AuditEventEntity } from './audit-event.entity';

/** What a stored event says, rebuilt from the columns that the API and exports show. */
export function contentOf(row: AuditEventEntity) {
  // In the canonical order of the keys, which then needs no sorting.
  return {
    action: row.action,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    at: row.at.toISOString(),
    brandId: row.brandId,
    data: row.data as never,
    entityId: row.entityId,
    entityType: row.entityType,
    prevHash: row.prevHash,
    seq: row.seq,
  };
}

/**
 * The chain link of a stored event, its canonical text rebuilt from the columns: an edit of a
 * column or of the stored text breaks the link, whichever of the two was edited.
 */
export function storedLink(row: AuditEventEntity): ChainLink {
  const rebuilt = canonicalEventText(contentOf(row));
  const link = { seq: row.seq, prevHash: row.prevHash, hash: row.hash };
  return row.canonical === rebuilt
    ? { ...link, canonical: rebuilt, builtFromLink: true }
    : { ...link, canonical: `${rebuilt}\u0000` }; // not JSON: the link cannot hold
}
