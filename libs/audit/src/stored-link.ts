import { canonicalEventText, ChainLink } from './rules';
import { AuditEventEntity } from './audit-event.entity';

/** What a stored event says, rebuilt from the columns that the API and exports show. */
export function contentOf(row: AuditEventEntity) {
  return {
    brandId: row.brandId,
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data as never,
    prevHash: row.prevHash,
  };
}

/**
 * The chain link of a stored event, its canonical text rebuilt from the columns: an edit of a
 * column or of the stored text breaks the link, whichever of the two was edited.
 */
export function storedLink(row: AuditEventEntity): ChainLink {
  const rebuilt = canonicalEventText(contentOf(row));
  return {
    seq: row.seq,
    prevHash: row.prevHash,
    hash: row.hash,
    canonical: row.canonical === rebuilt ? rebuilt : `${rebuilt}\u0000`,
  };
}
