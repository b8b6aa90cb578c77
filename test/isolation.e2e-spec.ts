import { errorCodes, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

/**
 * No data crosses brands: for every query and nested field that exists, a member of another brand
 * and a signed-in non-member get NOT_FOUND or FORBIDDEN, never data.
 */
describe('cross-brand isolation', () => {
  const app = useTestApp(AppModule);
  let brandA: TestBrand;
  let brandB: TestBrand;
  let memberA: TestMember; // every role in A, nothing in B
  let memberB: TestMember; // only in B
  let shared: TestMember; // in A and in B
  let outsider: TestMember; // in no brand at all

  beforeAll(async () => {
    const fixtures = app.fixtures;
    [brandA, brandB] = [await fixtures.brand(), await fixtures.brand()];
    memberA = await fixtures.member(brandA.id, ['ADMIN', 'SOCIAL_MANAGER', 'APPROVER', 'AUDITOR']);
    memberB = await fixtures.member(brandB.id, ['SOCIAL_MANAGER']);
    shared = await fixtures.member(brandA.id, ['REVIEWER']);
    await fixtures.member(brandB.id, ['APPROVER'], shared);
    const scratch = await fixtures.brand();
    outsider = await fixtures.member(scratch.id, ['CONTRIBUTOR']);
    await app.t.asSystem((ctx) =>
      ctx.em.query(
        ctx.dialect === 'postgres'
          ? 'DELETE FROM "membership" WHERE "userId" = $1'
          : 'DELETE FROM "membership" WHERE "userId" = ?',
        [outsider.id],
      ),
    );
  });

  const refusedForOthers: [string, string, () => Record<string, unknown>][] = [
    ['brand(id)', 'query ($id: ID!) { brand(id: $id) { id name } }', () => ({ id: brandB.id })],
    [
      'node(brand id)',
      'query ($id: ID!) { node(id: $id) { id ... on Brand { name } } }',
      () => ({ id: brandB.id }),
    ],
    [
      'node(user id of a member of another brand)',
      'query ($id: ID!) { node(id: $id) { id ... on User { email } } }',
      () => ({ id: memberB.id }),
    ],
    [
      'addMember to another brand',
      'mutation ($id: ID!) { addMember(input: { brandId: $id, email: "x@example.test", name: "X", roles: [ADMIN] }) { roles } }',
      () => ({ id: brandB.id }),
    ],
  ];

  describe.each([
    ['a member of another brand', () => memberA],
    ['a signed-in non-member', () => outsider],
  ])('for %s', (_who, viewer) => {
    it.each(refusedForOthers)(
      '%s answers NOT_FOUND or FORBIDDEN and no data',
      async (_name, query, variables) => {
        const response = await app.gql(query, variables(), viewer().token);
        expect(Object.values(response.data ?? {})).toEqual(
          Object.values(response.data ?? {}).map(() => null),
        );
        expect(errorCodes(response)).toEqual([expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/)]);
      },
    );

    it('brands lists none of brand B', async () => {
      const response = await app.gql<{ brands: { id: string }[] }>(
        '{ brands { id } }',
        {},
        viewer().token,
      );
      expect(response.data?.brands.map((b) => b.id)).not.toContain(brandB.id);
    });
  });

  it('a non-member sees no brands and no memberships', async () => {
    const response = await app.gql(
      '{ brands { id } viewer { memberships { roles } } }',
      {},
      outsider.token,
    );
    expect(response.data).toEqual({ brands: [], viewer: { memberships: [] } });
  });

  it("a shared member's memberships in other brands stay hidden through nested fields", async () => {
    const response = await app.gql<{
      brand: { members: { user: { email: string; memberships: { brand: { id: string } }[] } }[] };
    }>(
      'query ($id: ID!) { brand(id: $id) { members { user { email memberships { brand { id } } } } } }',
      { id: brandA.id },
      memberA.token,
    );
    const sharedUser = response.data?.brand.members.find((m) => m.user.email === shared.email);
    expect(sharedUser?.user.memberships.map((m) => m.brand.id)).toEqual([brandA.id]);
  });

  it('node(id) of a shared member shows only the brands the viewer shares', async () => {
    const response = await app.gql(
      'query ($id: ID!) { node(id: $id) { ... on User { memberships { brand { id } } } } }',
      { id: shared.id },
      memberA.token,
    );
    expect(response.data).toEqual({ node: { memberships: [{ brand: { id: brandA.id } }] } });
  });

  it('the shared member sees both brands', async () => {
    const response = await app.gql<{ brands: { id: string }[] }>(
      '{ brands { id } }',
      {},
      shared.token,
    );
    expect(response.data?.brands.map((b) => b.id).sort()).toEqual([brandA.id, brandB.id].sort());
  });
});
