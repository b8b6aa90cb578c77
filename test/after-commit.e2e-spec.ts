import { Logger } from '@nestjs/common';
import { RequestContext, TransactionRunner } from '@standpoint/database';
import { BrandEntity, BrandsService } from '@standpoint/identity';
import { useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

/** `ctx.afterCommit`: work that runs once a transaction has committed, and only then. */
describe('after-commit hooks', () => {
  const app = useTestApp(AppModule);
  let brands: BrandsService;
  let transactions: TransactionRunner;

  beforeAll(() => {
    brands = app.t.app.get(BrandsService);
    transactions = app.t.app.get(TransactionRunner);
  });
  afterEach(() => jest.restoreAllMocks());

  /** Whether a brand with this slug is stored, read outside any transaction. */
  const stored = async (slug: string) =>
    (await app.t.dataSource.getRepository(BrandEntity).countBy({ slug })) > 0;

  it('runs the hooks after the commit, in the order queued, seeing what was committed', async () => {
    const seen: string[] = [];
    await app.t.asSystem(async (ctx) => {
      await brands.create(ctx, { name: 'Hooked', slug: 'hooked' });
      ctx.afterCommit(async () => {
        seen.push(`first, stored: ${await stored('hooked')}`);
      });
      ctx.afterCommit(() => void seen.push('second'));
      seen.push('work done');
    });
    expect(seen).toEqual(['work done', 'first, stored: true', 'second']);
  });

  it('never runs the hooks of a transaction that rolled back', async () => {
    const seen: string[] = [];
    await expect(
      app.t.asSystem(async (ctx) => {
        await brands.create(ctx, { name: 'Rolled back', slug: 'rolled-back' });
        ctx.afterCommit(() => void seen.push('hook'));
        throw new Error('business rule broken');
      }),
    ).rejects.toThrow('business rule broken');
    expect(seen).toEqual([]);
    expect(await stored('rolled-back')).toBe(false);
  });

  it('runs only the hooks of the attempt that committed when the transaction is retried', async () => {
    const seen: string[] = [];
    let attempts = 0;
    await app.t.asSystem(async (ctx) => {
      attempts++;
      ctx.afterCommit(() => void seen.push(`attempt ${attempts}`));
      if (attempts === 1)
        throw Object.assign(new Error('could not serialize access'), { code: '40001' });
    });
    expect(attempts).toBe(2);
    expect(seen).toEqual(['attempt 2']);
  });

  it('queues the hooks of a nested unit of work on the outer transaction', async () => {
    const seen: string[] = [];
    await app.t.asSystem(async (ctx) => {
      await transactions.run(ctx, async () => {
        ctx.afterCommit(() => void seen.push('inner hook'));
      });
      seen.push('outer work after the inner unit');
    });
    expect(seen).toEqual(['outer work after the inner unit', 'inner hook']);
  });

  it('keeps the commit and the other hooks when a hook fails, and logs the failure', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const seen: string[] = [];
    const result = await app.t.asSystem(async (ctx) => {
      await brands.create(ctx, { name: 'Committed anyway', slug: 'committed-anyway' });
      ctx.afterCommit(() => {
        throw new Error('subscriber gone');
      });
      ctx.afterCommit(() => void seen.push('next hook'));
      return 'result';
    });
    expect(result).toBe('result');
    expect(seen).toEqual(['next hook']);
    expect(await stored('committed-anyway')).toBe(true);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('subscriber gone'));
  });

  it('refuses afterCommit outside a transaction', () => {
    const ctx = RequestContext.system(app.t.dataSource);
    expect(() => ctx.afterCommit(() => undefined)).toThrow(/inside a transaction/);
  });
});
