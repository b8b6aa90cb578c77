import DataLoader from 'dataloader';
import { EntityTarget, FindOptionsOrder, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { RequestContext } from './request-context';

/** The request's loader of `entity` rows by primary key `id`: one query per batch. */
export function rowsById<E extends ObjectLiteral & { id: string }>(
  ctx: RequestContext,
  entity: EntityTarget<E>,
): DataLoader<string, E | undefined> {
  return ctx.loader(`${entityName(entity)}.byId`, async (ids: readonly string[]) => {
    const rows = await ctx.em.findBy(entity, { id: In([...ids]) } as FindOptionsWhere<E>);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}

/** The request's loader of the `entity` rows whose `column` equals the key, in `order`. */
export function rowsGroupedBy<E extends ObjectLiteral>(
  ctx: RequestContext,
  entity: EntityTarget<E>,
  column: keyof E & string,
  order: FindOptionsOrder<E>,
): DataLoader<string, E[]> {
  return ctx.loader(`${entityName(entity)}.by.${column}`, async (keys: readonly string[]) => {
    const rows = await ctx.em.find(entity, {
      where: { [column]: In([...keys]) } as FindOptionsWhere<E>,
      order,
    });
    return keys.map((key) => rows.filter((row) => row[column] === key));
  });
}

function entityName(entity: EntityTarget<ObjectLiteral>): string {
  return typeof entity === 'function' ? entity.name : String(entity);
}
