import { AuditService } from '@standpoint/audit';
import { BrandsService } from '@standpoint/identity';
import { useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

/** One transaction per unit of work, retried as a whole when the database asks for it. */
describe('transactions', () => {
  const app = useTestApp(AppModule);
  let brands: BrandsService;
  let audit: AuditService;

  beforeAll(() => {
    brands = app.t.app.get(BrandsService);
    audit = app.t.app.get(AuditService);
  });

  const brandsWithSlug = (slug: string) =>
    app.t.asSystem(async (ctx) =>
      (await brands.visible(ctx)).filter((brand) => brand.slug === slug),
    );

  it('re-runs the whole unit after a serialization failure, leaving one change and one event', async () => {
    let attempts = 0;
    const brand = await app.t.asSystem(async (ctx) => {
      attempts++;
      const created = await brands.create(ctx, { name: 'Retried', slug: 'retried' });
      if (attempts === 1)
        throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      return created;
    });
    expect(attempts).toBe(2);
    expect(await brandsWithSlug('retried')).toHaveLength(1);
    expect((await app.t.asSystem((ctx) => audit.chain(ctx, brand.id))).map((e) => e.seq)).toEqual([
      1,
    ]);
  });

  it('does not retry an ordinary failure, and keeps nothing of it', async () => {
    let attempts = 0;
    await expect(
      app.t.asSystem(async (ctx) => {
        attempts++;
        await brands.create(ctx, { name: 'Failed', slug: 'failed' });
        throw new Error('business rule broken');
      }),
    ).rejects.toThrow('business rule broken');
    expect(attempts).toBe(1);
    expect(await brandsWithSlug('failed')).toEqual([]);
  });

  it('refuses an audit append outside a transaction', async () => {
    const { RequestContext } = await import('@standpoint/database');
    const ctx = RequestContext.system(app.t.dataSource);
    await expect(
      audit.append(ctx, {
        brandId: 'brd_x',
        action: 'brand.created',
        entityType: 'Brand',
        entityId: 'brd_x',
        data: { name: 'X', slug: 'x' },
      }),
    ).rejects.toThrow(/inside the change's transaction/);
  });
});
