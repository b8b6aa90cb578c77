import { errorCodes, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const EVENTS = `query ($brandId: ID!, $filter: AuditFilter, $first: Int, $after: String) {
  auditEvents(brandId: $brandId, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id seq action actorLabel actor { email } entityType entityId data prevHash hash } }
  }
}`;
const VERIFY =
  'query ($brandId: ID!) { verifyAuditChain(brandId: $brandId) { valid checkedEvents headSeq headHash firstInvalidSeq } }';

describe('audit review', () => {
  const app = useTestApp(AppModule);
  let brand: TestBrand;
  let auditor: TestMember;
  let approver: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    auditor = await app.fixtures.member(brand.id, ['AUDITOR']);
    approver = await app.fixtures.member(brand.id, ['APPROVER']);
    for (let i = 0; i < 5; i++) await app.fixtures.member(brand.id, ['CONTRIBUTOR']);
  });

  const events = (variables: Record<string, unknown>, token = auditor.token) =>
    app.gql(EVENTS, { brandId: brand.id, ...variables }, token);

  it('lists every change in sequence order with readable actors, page by page', async () => {
    const all = await events({ first: 500 });
    const nodes = all.data!.auditEvents.edges.map(
      (e: { node: { seq: number; action: string } }) => e.node,
    );
    expect(all.data!.auditEvents.totalCount).toBe(8);
    expect(nodes.map((n: { seq: number }) => n.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(nodes[0]).toMatchObject({
      action: 'brand.created',
      actorLabel: 'root@standpoint.test',
      prevHash: '0'.repeat(64),
    });
    expect(JSON.parse(nodes[0].data)).toMatchObject({
      slug: brand.slug,
      approvalPolicy: { version: 1 },
    });

    const first = await events({ first: 3 });
    expect(first.data!.auditEvents.pageInfo.hasNextPage).toBe(true);
    const second = await events({ first: 3, after: first.data!.auditEvents.pageInfo.endCursor });
    expect(
      second.data!.auditEvents.edges.map((e: { node: { seq: number } }) => e.node.seq),
    ).toEqual([4, 5, 6]);
    expect(errorCodes(await events({ first: 501 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('filters by action, entity and actor', async () => {
    const added = await events({ filter: { actions: ['member.added'] } });
    expect(added.data!.auditEvents.totalCount).toBe(7);
    const one = added.data!.auditEvents.edges[0].node;
    expect(
      (await events({ filter: { entityId: one.entityId } })).data!.auditEvents.totalCount,
    ).toBe(1);
    expect((await events({ filter: { actorId: auditor.id } })).data!.auditEvents.totalCount).toBe(
      0,
    );
    expect(
      (await events({ filter: { until: '2000-01-01T00:00:00Z' } })).data!.auditEvents.totalCount,
    ).toBe(0);
  });

  it('is for auditors and admins of the brand only', async () => {
    expect(errorCodes(await events({}, approver.token))).toEqual(['FORBIDDEN']);
    const other = await app.fixtures.brand();
    const otherAuditor = await app.fixtures.member(other.id, ['AUDITOR']);
    expect(errorCodes(await events({}, otherAuditor.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.gql(VERIFY, { brandId: brand.id }, otherAuditor.token))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('verifies the chain, and names the first event whose stored payload was edited behind its back', async () => {
    await app.sealAuditChain(brand.id);
    const valid = await app.gql(VERIFY, { brandId: brand.id }, auditor.token);
    expect(valid.data!.verifyAuditChain).toMatchObject({
      valid: true,
      checkedEvents: 8,
      headSeq: 8,
      firstInvalidSeq: null,
    });

    const runner = app.t.dataSource.createQueryRunner();
    try {
      if (app.t.dataSource.options.type === 'postgres') {
        await runner.query('SET session_replication_role = replica');
        await runner.query(
          `UPDATE "audit_event" SET "data" = '{"forged":true}' WHERE "brandId" = $1 AND "seq" = 5`,
          [brand.id],
        );
        await runner.query('SET session_replication_role = origin');
      } else {
        await runner.query('DROP TRIGGER "audit_event_no_update"');
        await runner.query(
          `UPDATE "audit_event" SET "data" = '{"forged":true}' WHERE "brandId" = ? AND "seq" = 5`,
          [brand.id],
        );
      }
    } finally {
      await runner.release();
    }
    const broken = await app.gql(VERIFY, { brandId: brand.id }, auditor.token);
    expect(broken.data!.verifyAuditChain).toMatchObject({
      valid: false,
      checkedEvents: 4,
      headSeq: 4,
      firstInvalidSeq: 5,
    });
  });
});
