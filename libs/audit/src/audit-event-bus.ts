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

export type AuditEventListener = (event: CommittedAuditEvent) => void;

/**
 * Where committed audit events go out to whoever listens in this process (the GraphQL
 * subscriptions). The audit service publishes each event after its transaction committed, so
 * listeners never hear of a change that was rolled back.
 *
 * The in-process implementation reaches the listeners of its own process only. Fanning out across
 * API instances replaces it with another implementation of this class (PostgreSQL LISTEN/NOTIFY:
 * `publish` notifies a channel with the event's id, and every instance's LISTEN connection hands
 * the event, loaded by id, to its local listeners); nothing else changes.
 */
export abstract class AuditEventBus {
  abstract publish(event: CommittedAuditEvent): void | Promise<void>;

  /** Calls `listener` with each committed event of the brand; returns how to stop. */
  abstract subscribe(brandId: string, listener: AuditEventListener): () => void;

  /** How many listeners of the brand this process has (for health and tests). */
  abstract listenerCount(brandId: string): number;
}
