import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts rows whose every column is set in code, reading nothing back (TypeORM's plain insert
 * SELECTs the defaulted columns back on SQLite, one statement more).
 */
export async function insertRowsNow<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: readonly E[],
): Promise<void> {
  if (rows.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values([...rows])
    .updateEntity(false)
    .execute();
}

/**
 * The rows queued while `ctx.insertingTogether` runs, written when it ends: one INSERT per entity
 * for all of them, so a change that writes several messages (a decision's emails and webhook
 * deliveries) pays one statement, not one per sender.
 */
export class InsertBatch {
  private readonly queued = new Map<EntityTarget<ObjectLiteral>, ObjectLiteral[]>();

  add<E extends ObjectLiteral>(entity: EntityTarget<E>, rows: readonly E[]): void {
    const queue = this.queued.get(entity) ?? [];
    queue.push(...rows);
    this.queued.set(entity, queue);
  }

  /** Writes the queued rows, entity by entity in the order they were first queued. */
  async write(manager: EntityManager): Promise<void> {
    for (const [entity, rows] of this.queued) await insertRowsNow(manager, entity, rows);
    this.queued.clear();
  }
}
