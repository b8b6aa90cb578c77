import { newId, readManagerOf } from '@standpoint/database';
import { BrandEntity } from '@standpoint/identity';
import { useTestApp } from '@standpoint/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';

const BRANDS = '{ brands { slug } }';

/** What a gate's opener lets through; a test holds a transaction open until it says so. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * A request reads only what other requests have committed, even while another request's
 * transaction is open on the same database (on SQLite: the same file, in the same process).
 */
describe('reads outside a transaction', () => {
  const app = useTestApp(AppModule);
  let admin: string;

  beforeAll(async () => {
    admin = await app.fixtures.admin();
  });

  const slugs = async () =>
    ((await app.data(BRANDS, {}, admin)).brands as { slug: string }[]).map((b) => b.slug);

  /**
   * Inserts a brand in a transaction of its own, runs `whileOpen` while it is still open, then
   * commits it (or rolls it back by failing).
   */
  const withOpenTransaction = async (
    slug: string,
    whileOpen: () => Promise<void>,
    outcome: 'commit' | 'roll back',
  ) => {
    const written = gate();
    const done = gate();
    const transaction = app.t.asSystem(async (ctx) => {
      await ctx.em.insert(BrandEntity, {
        id: newId('brd'),
        name: slug,
        slug,
        createdAt: new Date(),
      });
      written.open();
      await done.opened;
      if (outcome === 'roll back') throw new Error('rolled back on purpose');
    });
    await written.opened;
    try {
      await whileOpen();
    } finally {
      done.open();
      await transaction.catch(() => undefined);
    }
  };

  it("do not see another request's uncommitted write, and see it once it is committed", async () => {
    await withOpenTransaction(
      'uncommitted-brand',
      async () => {
        expect(await slugs()).not.toContain('uncommitted-brand');
      },
      'commit',
    );

    expect(await slugs()).toContain('uncommitted-brand');
  });

  it('never see a write that is rolled back, before or after', async () => {
    await withOpenTransaction(
      'rolled-back-brand',
      async () => {
        expect(await slugs()).not.toContain('rolled-back-brand');
      },
      'roll back',
    );

    expect(await slugs()).not.toContain('rolled-back-brand');
  });
});

describe('the SQLite read connection (SQLite only: it runs on a SQLite file of its own)', () => {
  const app = useTestApp(AppModule, {
    DATABASE_URL: '',
    SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'standpoint-reads-')), 'reads.sqlite'),
  });

  it('is a connection of its own, in WAL mode, that cannot write (and so never migrates)', async () => {
    const reads = readManagerOf(app.t.dataSource);
    expect(app.t.config.database.dialect).toBe('sqlite');
    expect(reads.connection).not.toBe(app.t.dataSource);
    expect(await reads.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    await expect(reads.query('CREATE TABLE intruder (id integer)')).rejects.toThrow(
      /readonly|query_only/i,
    );
    await expect(
      reads.insert(BrandEntity, { id: newId('brd'), name: 'x', slug: 'x', createdAt: new Date() }),
    ).rejects.toThrow(/readonly|query_only/i);
  });
});
