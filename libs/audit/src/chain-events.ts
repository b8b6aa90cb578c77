import { RequestContext } from '@standpoint/database';
import { EntityManager, MoreThan } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { eventRange } from './event-range';

const BATCH = 1000;

/**
 * A brand's events after sequence number `after`, in sequence order, a batch at a time: memory
 * stays flat however long the chain is. The next batch is read while this one is used, and a
 * batch is handed over whole: a million events, one await each, cost more than the hashing.
 *
 * A batch is a range of sequence numbers (`seq BETWEEN a AND a + 999`), not "the next 1,000 after
 * a": on PostgreSQL the latter, with the statistics of a table just bulk-loaded, is planned as a
 * read of all the events after `a` plus a sort, and a long chain is read in quadratic time. A
 * bounded range reads at most its own rows, whatever the plan. Sequence numbers have no gaps in a
 * valid chain; a range that comes back short is the end of the chain or a gap, and the read goes
 * on from the next event there is.
 */
export async function* chainBatches(
  ctx: RequestContext,
  brandId: string,
  after = 0,
): AsyncGenerator<AuditEventEntity[]> {
  const range = (from: number) => {
    const rows = eventRange(ctx.em, brandId, from + 1, from + BATCH);
    rows.catch(() => undefined); // a reader that stops early leaves it unread: no unhandled error
    return rows;
  };
  let from = after;
  let next = range(from);
  for (;;) {
    const batch = await next;
    if (batch.length === BATCH) next = range((from += BATCH));
    yield batch;
    if (batch.length < BATCH) {
      // The end of the chain, or a gap (which a verifier has stopped at by now): anything beyond?
      const beyond = await ctx.em.findOne(AuditEventEntity, {
        select: { seq: true },
        where: { brandId, seq: MoreThan(from + BATCH) },
        order: { seq: 'ASC' },
      });
      if (!beyond) return;
      next = range((from = beyond.seq - 1));
    }
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
