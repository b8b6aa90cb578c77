import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The rows one transaction attempt queued with `ctx.insertAtCommit`, written when its work is done
 * and before it commits: one INSERT per entity for all of them, so a change that queues several
 * messages (its emails, its webhook deliveries) pays one statement, not one per sender. Nothing is
 * read back: every column is set by whoever queued the row (TypeORM's plain insert would SELECT
 * the defaulted columns back on SQLite). An attempt that fails drops its queue with it.
 */
export class InsertsAtCommit {
  private readonly queued = new Map<EntityTarget<ObjectLiteral>, ObjectLiteral[]>();

  add<E extends ObjectLiteral>(entity: EntityTarget<E>, rows: readonly E[]): void {
    if (rows.length === 0) return;
    const queue = this.queued.get(entity) ?? [];
    queue.push(...rows);
    this.queued.set(entity, queue);
  }

  /** Writes the queued rows, entity by entity in the order they were first queued. */
  async write(manager: EntityManager): Promise<void> {
    for (const [entity, rows] of this.queued) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows)
        .updateEntity(false)
        .execute();
    }
    this.queued.clear();
  }
}
