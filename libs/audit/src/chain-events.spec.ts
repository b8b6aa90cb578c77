import { RequestContext } from '@standpoint/database';
import { FindOperator } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { chainBatches } from './chain-events';
import { eventRange } from './event-range';

// Ranges are read raw (a spec of their own checks that read against `find`); here they come from a list.
jest.mock('./event-range');

/** A request context whose database holds one brand's events with these sequence numbers. */
function holding(seqs: number[]): { ctx: RequestContext; statements: () => number } {
  const rows = seqs.map((seq) => ({ seq }) as AuditEventEntity);
  let statements = 0;
  const matching = (low: number, high: number) => {
    statements++;
    return rows.filter((row) => row.seq >= low && row.seq <= high);
  };
  jest
    .mocked(eventRange)
    .mockImplementation((_em, _brandId, low, high) => Promise.resolve(matching(low, high)));
  type Query = { where: { seq: FindOperator<number> } };
  const em = {
    findOne: (_entity: unknown, { where }: Query) =>
      Promise.resolve(matching(where.seq.value + 1, Infinity)[0] ?? null),
  };
  return { ctx: { em } as unknown as RequestContext, statements: () => statements };
}

async function read(ctx: RequestContext, after?: number): Promise<number[]> {
  const seqs: number[] = [];
  for await (const batch of chainBatches(ctx, 'brd_1', after))
    seqs.push(...batch.map((r) => r.seq));
  return seqs;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('chainBatches', () => {
  it('hands over every event once, in order, in ranges of 1,000 sequence numbers', async () => {
    const db = holding(range(1, 2500));
    expect(await read(db.ctx)).toEqual(range(1, 2500));
    expect(db.statements()).toBe(4); // three ranges, and the look beyond the short last one
  });

  it('reads on past a gap, however long, so that a verifier meets it', async () => {
    const seqs = [...range(1, 999), ...range(1001, 1500), ...range(4200, 4300)];
    expect(await read(holding(seqs).ctx)).toEqual(seqs);
  });

  it('starts after the sequence number given, and ends an empty or exhausted chain at once', async () => {
    expect(await read(holding(range(1, 1200)).ctx, 1000)).toEqual(range(1001, 1200));
    expect(await read(holding([]).ctx)).toEqual([]);
    expect(await read(holding(range(1, 1000)).ctx, 1000)).toEqual([]);
  });
});
