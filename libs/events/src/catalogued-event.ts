import { AUDIT_ENTITY_TYPES, AuditAction, AuditEntityType, StoredAuditData } from './audit-catalog';

/** A stored audit event whose action is catalogued, its payload typed by its action. */
export type CataloguedEvent<Row extends StoredAuditRow = StoredAuditRow> = {
  [A in AuditAction]: Omit<Row, 'action' | 'entityType' | 'data'> & {
    action: A;
    entityType: AuditEntityType<A>;
    data: StoredAuditData<A>;
  };
}[AuditAction];

/** The part of a stored audit event (a row, a published event) that says what happened. */
export interface StoredAuditRow {
  action: string;
  entityType: string;
  data: object;
}

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ENTITY_TYPES, action);
}

/**
 * The one way to read a stored event as a catalogued one: events come back from the database as
 * JSON, written by this version or an earlier one. An action the catalog does not know (no longer
 * recorded) answers null; for a known one the payload is trusted to have the catalogued shape, as
 * every version wrote it (readers of keys added later still check that they are present).
 */
export function catalogued<Row extends StoredAuditRow>(row: Row): CataloguedEvent<Row> | null {
  return isAuditAction(row.action) ? (row as unknown as CataloguedEvent<Row>) : null;
}

/** For the `default` of an exhaustive switch on the action: fails the build when one is missing. */
export function unhandledAction(event: never): never {
  throw new Error(`unhandled audit action ${(event as { action: string }).action}`);
}
