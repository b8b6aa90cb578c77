import { EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

/**
 * A brand's events with sequence numbers from `low` to `high`, in order. The rows are read raw and
 * each column converted by the driver's own hydration, the one `find` applies (dates and JSON come
 * out the same on either database): entity hydration cost most of the time of a verification.
 */
export async function eventRange(
  em: EntityManager,
  brandId: string,
  low: number,
  high: number,
): Promise<AuditEventEntity[]> {
  const driver = em.connection.driver;
  const columns = em.connection.getMetadata(AuditEventEntity).columns.map((column) => ({
    column,
    property: column.propertyName,
    alias: `e_${column.databaseName}`, // how the query builder names the column of alias `e`
  }));
  const raws: Record<string, unknown>[] = await em
    .createQueryBuilder(AuditEventEntity, 'e')
    .where('e.brandId = :brandId AND e.seq BETWEEN :low AND :high', { brandId, low, high })
    .orderBy('e.seq', 'ASC')
    .getRawMany();
  return raws.map((raw) => {
    const event = new AuditEventEntity();
    const fields = event as unknown as Record<string, unknown>;
    for (const { column, property, alias } of columns)
      fields[property] = driver.prepareHydratedValue(raw[alias], column);
    return event;
  });
}
