import { RequestContext } from '@standpoint/database';
import { AuditEventEntity } from './audit-event.entity';

/** An audit event whose transaction has committed, as listeners receive it. */
export interface CommittedAuditEvent {
  id: string;
  brandId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

/** A stored event as its listeners receive it: without its chain fields. */
export function committedEvent(row: AuditEventEntity): CommittedAuditEvent {
  return {
    id: row.id,
    brandId: row.brandId,
    seq: row.seq,
    at: row.at,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data as Record<string, unknown>,
  };
}

export type AuditEventListener = (event: CommittedAuditEvent) => void;

/**
 * Where committed audit events go out to whoever listens (the GraphQL subscriptions). The audit
 * service announces each event inside its transaction; listeners hear of it once that transaction
 * committed, so never of a change that was rolled back.
 *
 * On SQLite the in-process implementation reaches the listeners of its own process only. On
 * PostgreSQL the LISTEN/NOTIFY implementation reaches the listeners of every process on the
 * database, whichever process made the change.
 */
export abstract class AuditEventBus {
  /** Called inside the change's transaction: its listeners hear of `event` once it commits. */
  abstract announce(ctx: RequestContext, event: CommittedAuditEvent): Promise<void>;

  /** Calls `listener` with each committed event of the brand; returns how to stop. */
  abstract subscribe(brandId: string, listener: AuditEventListener): () => void;

  /**
   * Resolves once the brand's listeners hear of every event committed from then on (subscribe
   * first): what a catch-up must read up to is then committed, and what follows reaches them.
   */
  abstract ready(brandId: string): Promise<void>;

  /** How many listeners of the brand this process has (for health and tests). */
  abstract listenerCount(brandId: string): number;
}
