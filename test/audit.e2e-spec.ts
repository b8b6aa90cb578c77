import { AuditService, CheckpointsService, verifyChain } from '@standpoint/audit';
import { errorCodes, TestBrand, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

describe('the audit append', () => {
  const app = useTestApp(AppModule);
  let audit: AuditService;

  const chainOf = (brandId: string) => app.t.asSystem((ctx) => audit.chain(ctx, brandId));
  const addMember = async (brand: TestBrand, email: string, roles: string[]) =>
    app.gql(
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { roles } }',
      { input: { brandId: brand.id, email, name: email, roles } },
      await app.fixtures.admin(),
    );

  beforeAll(() => {
    audit = app.t.app.get(AuditService);
  });
  afterEach(() => jest.restoreAllMocks());

  it('records each change as one event of the brand chain, with its actor', async () => {
    const brand = await app.fixtures.brand();
    await addMember(brand, 'first@example.test', ['APPROVER']);
    await addMember(brand, 'first@example.test', ['APPROVER', 'AUDITOR']);
    const chain = await chainOf(brand.id);
    expect(chain.map((e) => [e.seq, e.action, e.actorLabel])).toEqual([
      [1, 'brand.created', 'root@standpoint.test'],
      [2, 'member.added', 'root@standpoint.test'],
      [3, 'member.roles_changed', 'root@standpoint.test'],
    ]);
    expect(chain[0].prevHash).toBe('0'.repeat(64));
    expect(chain[2].data).toEqual(
      expect.objectContaining({
        email: 'first@example.test',
        from: ['APPROVER'],
        to: ['APPROVER', 'AUDITOR'],
      }),
    );
    expect(verifyChain(chain)).toEqual(
      expect.objectContaining({ valid: true, checkedEvents: 3, headSeq: 3 }),
    );
  });

  it('appends nothing for a mutation that changes nothing', async () => {
    const brand = await app.fixtures.brand();
    await addMember(brand, 'same@example.test', ['REVIEWER']);
    const before = (await chainOf(brand.id)).length;
    expect((await addMember(brand, 'same@example.test', ['REVIEWER'])).data).toEqual({
      addMember: { roles: ['REVIEWER'] },
    });
    expect(await chainOf(brand.id)).toHaveLength(before);
  });

  it('leaves neither the change nor its event when the mutation fails after the change', async () => {
    const brand = await app.fixtures.brand();
    const append = audit.append.bind(audit);
    jest.spyOn(audit, 'append').mockImplementationOnce(async (...args) => {
      await append(...args);
      throw new Error('forced failure after the change');
    });
    const response = await addMember(brand, 'ghost@example.test', ['APPROVER']);
    expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
    const members = await app.gql(
      'query ($id: ID!) { brand(id: $id) { members { user { email } } } }',
      { id: brand.id },
      await app.fixtures.admin(),
    );
    expect(members.data).toEqual({ brand: { members: [] } });
    expect((await chainOf(brand.id)).map((e) => e.action)).toEqual(['brand.created']);
  });

  it('keeps the chain gapless and unforked under 20 concurrent mutations on one brand', async () => {
    const brand = await app.fixtures.brand();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        addMember(brand, `concurrent-${i}@example.test`, ['CONTRIBUTOR']),
      ),
    );
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    const chain = await chainOf(brand.id);
    expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(verifyChain(chain)).toEqual(expect.objectContaining({ valid: true, checkedEvents: 21 }));
  });

  describe('refused by the database itself', () => {
    const statements = (table: string, column: string) =>
      app.t.dataSource.options.type === 'postgres'
        ? [
            `UPDATE "${table}" SET "${column}" = 'edited'`,
            `DELETE FROM "${table}"`,
            `TRUNCATE "${table}"`,
          ]
        : [`UPDATE "${table}" SET "${column}" = 'edited'`, `DELETE FROM "${table}"`];

    it('UPDATE, DELETE (and TRUNCATE on PostgreSQL) of audit rows', async () => {
      const brand = await app.fixtures.brand();
      for (const statement of statements('audit_event', 'action')) {
        await expect(app.t.dataSource.query(statement)).rejects.toThrow(/append-only/);
      }
      expect((await chainOf(brand.id)).map((e) => e.action)).toEqual(['brand.created']);
    });

    it('UPDATE, DELETE (and TRUNCATE on PostgreSQL) of signed checkpoints', async () => {
      const brand = await app.fixtures.brand();
      await app.t.asSystem((ctx) => app.t.app.get(CheckpointsService).seal(ctx, brand.id));
      for (const statement of statements('audit_checkpoint', 'headHash')) {
        await expect(app.t.dataSource.query(statement)).rejects.toThrow(/append-only/);
      }
    });
  });
});
