import { AuditEventEntity, chainBatches, chainHeadSeq } from '@standpoint/audit';
import { useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

/**
 * Chain reads take rows raw and convert them column by column, for speed; verdicts depend on their
 * giving exactly what entity hydration (`find`) gives, which this checks on either database.
 */
describe('the chain read', () => {
  const app = useTestApp(AppModule);

  const oddEvents = (brandId: string, after: number): AuditEventEntity[] =>
    [
      { at: '2026-03-01T12:34:56.789Z', actorId: null, data: {} },
      {
        at: '2026-03-01T12:34:56.001Z',
        actorId: 'usr_1',
        data: { text: 'Grüße 🎉 \u2028 "q" \\' },
      },
      {
        at: '1999-12-31T23:59:59.999Z',
        actorId: 'usr_2',
        data: { nested: { list: [1, 2.5, -0.125, null, true, { deep: ['x'] }], none: null } },
      },
      { at: '2026-06-15T00:00:00.000Z', actorId: null, data: { '': 1, ключ: [], z: '' } },
    ].map((odd, i) =>
      Object.assign(new AuditEventEntity(), {
        id: `evt_chain_read_${i}`,
        brandId,
        seq: after + i + 1,
        at: new Date(odd.at),
        actorId: odd.actorId,
        actorLabel: 'Zoë <zoe@example.test>',
        action: 'test.odd',
        entityType: 'test',
        entityId: `ent_${i}`,
        data: odd.data,
        prevHash: 'a'.repeat(64),
        hash: 'b'.repeat(64),
        canonical: `{"i":${i},"t":"\u00e9\\n"}`,
      }),
    );

  it('gives exactly the events that entity hydration gives, odd ones included', async () => {
    const brand = await app.fixtures.brand();
    const { found, read } = await app.t.asSystem(async (ctx) => {
      await ctx.em.insert(
        AuditEventEntity,
        oddEvents(brand.id, await chainHeadSeq(ctx.em, brand.id)),
      );
      const read: AuditEventEntity[] = [];
      for await (const batch of chainBatches(ctx, brand.id)) read.push(...batch);
      const found = await ctx.em.find(AuditEventEntity, {
        where: { brandId: brand.id },
        order: { seq: 'ASC' },
      });
      return { found, read };
    });
    expect(found.map((e) => e.action)).toContain('test.odd');
    expect(read).toStrictEqual(found);
    expect(read.at(-1)?.at).toEqual(new Date('2026-06-15T00:00:00.000Z'));
  });
});
