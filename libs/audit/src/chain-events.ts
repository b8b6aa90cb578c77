import { RequestContext } from '@standpoint/database';
import { EntityManager, MoreThan } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

const BATCH = 1000;

/**
 * A brand's events after sequence number `after`, in sequence order, read a batch at a time:
 * memory stays flat however long the chain is.
 */
export async function* chainEvents(
  ctx: RequestContext,
  brandId: string,
  after = 0,
): AsyncGenerator<AuditEventEntity> {
  for (;;) {
    const batch = await ctx.em.find(AuditEventEntity, {
      where: { brandId, seq: MoreThan(after) },
      order: { seq: 'ASC' },
      take: BATCH,
    });
    yield* batch;
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1].seq;
  }
}

/** The sequence number of the brand's last event; 0 for a brand without events. */
export async function chainHeadSeq(em: EntityManager, brandId: string): Promise<number> {
  const head = await em.findOne(AuditEventEntity, {
    where: { brandId },
    order: { seq: 'DESC' },
    select: { seq: true },
  });
  return head?.seq ?? 0;
}
