import { errorCodes, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const BRAND = 'query ($id: ID!) { brand(id: $id) { id } }';
const REMOVE = `mutation ($brandId: ID!, $userId: ID!) {
  removeMember(brandId: $brandId, userId: $userId) { id }
}`;
const DEACTIVATE = 'mutation ($userId: ID!) { deactivateUser(userId: $userId) { id } }';
const ADD = 'mutation ($input: AddMemberInput!) { addMember(input: $input) { roles } }';

/**
 * Members leave: removed from a brand by its ADMIN, or deactivated by a platform administrator,
 * each effective on that person's very next request and recorded in the audit trail; and a brand
 * always keeps at least one ADMIN.
 */
describe('removing and deactivating members', () => {
  const app = useTestApp(AppModule);
  let brand: TestBrand;
  let other: TestBrand;
  let admin: TestMember;

  beforeAll(async () => {
    [brand, other] = [await app.fixtures.brand(), await app.fixtures.brand()];
    admin = await app.fixtures.member(brand.id, ['ADMIN']);
  });

  const reaches = async (token: string, brandId: string) =>
    (await app.gql(BRAND, { id: brandId }, token)).data?.brand?.id === brandId;
  const actions = async (brandId: string, userId: string) =>
    (await app.auditChain(brandId))
      .filter((e) => (e.data as { userId?: string }).userId === userId)
      .map((e) => e.action);
  const roles = (member: TestMember, brandId: string, roles: string[]) => ({
    input: { brandId, email: member.email, name: 'Anyone', roles },
  });

  describe('removeMember', () => {
    it('lets only an ADMIN of the brand remove', async () => {
      const manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
      const outsider = await app.fixtures.member(other.id, ['ADMIN']);
      const vars = { brandId: brand.id, userId: admin.id };
      expect(errorCodes(await app.gql(REMOVE, vars, manager.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await app.gql(REMOVE, vars, outsider.token))).toEqual(['NOT_FOUND']);
      expect(await reaches(admin.token, brand.id)).toBe(true);
    });

    it('refuses the old token at the brand from the very next request, and records it', async () => {
      const member = await app.fixtures.member(brand.id, ['CONTRIBUTOR']);
      await app.fixtures.member(other.id, ['SOCIAL_MANAGER'], member);
      expect(await reaches(member.token, brand.id)).toBe(true);

      const { removeMember } = await app.data(
        REMOVE,
        { brandId: brand.id, userId: member.id },
        admin.token,
      );
      expect(removeMember.id).toBe(brand.id);
      expect(errorCodes(await app.gql(BRAND, { id: brand.id }, member.token))).toEqual([
        'NOT_FOUND',
      ]);
      // Only this brand: the other one still knows them.
      expect(await reaches(member.token, other.id)).toBe(true);
      expect(await actions(brand.id, member.id)).toEqual(['member.added', 'member.removed']);
      const { brand: read } = await app.data(
        'query ($id: ID!) { brand(id: $id) { members { user { id } } } }',
        { id: brand.id },
        admin.token,
      );
      expect(read.members.map((m: { user: { id: string } }) => m.user.id)).not.toContain(member.id);
      expect(
        errorCodes(await app.gql(REMOVE, { brandId: brand.id, userId: member.id }, admin.token)),
      ).toEqual(['NOT_FOUND']);
    });
  });

  describe('the last ADMIN', () => {
    it('is kept: removing or demoting them is refused with a clear error, and changes nothing', async () => {
      const alone = await app.fixtures.brand();
      const only = await app.fixtures.member(alone.id, ['ADMIN']);
      const removal = await app.gql(REMOVE, { brandId: alone.id, userId: only.id }, only.token);
      const demotion = await app.gql(ADD, roles(only, alone.id, ['APPROVER']), only.token);
      for (const refused of [removal, demotion]) {
        expect(errorCodes(refused)).toEqual(['CONFLICT']);
        expect(refused.errors![0].message).toMatch(/at least one ADMIN/);
      }
      expect(await actions(alone.id, only.id)).toEqual(['member.added']);

      // With a second ADMIN, either may step down.
      await app.fixtures.member(alone.id, ['ADMIN']);
      expect(
        (await app.data(ADD, roles(only, alone.id, ['APPROVER']), only.token)).addMember,
      ).toEqual({ roles: ['APPROVER'] });
    });

    it('is kept when two ADMINs remove each other at the same moment', async () => {
      const pair = await app.fixtures.brand();
      const [first, second] = [
        await app.fixtures.member(pair.id, ['ADMIN']),
        await app.fixtures.member(pair.id, ['ADMIN']),
      ];
      const answers = await Promise.all([
        app.gql(REMOVE, { brandId: pair.id, userId: second.id }, first.token),
        app.gql(REMOVE, { brandId: pair.id, userId: first.id }, second.token),
      ]);
      const refusals = answers.map((a) => errorCodes(a)).filter((codes) => codes.length > 0);
      // The loser finds itself removed (NOT_FOUND) or the last ADMIN (CONFLICT).
      expect(refusals).toHaveLength(1);
      expect(['CONFLICT', 'NOT_FOUND']).toContain(refusals[0][0]);
      const { brand: read } = await app.data(
        'query ($id: ID!) { brand(id: $id) { members { roles } } }',
        { id: pair.id },
        await app.fixtures.admin(),
      );
      expect(read.members).toEqual([{ roles: ['ADMIN'] }]);
    });
  });

  describe('deactivateUser', () => {
    it('is for platform administrators only', async () => {
      const member = await app.fixtures.member(brand.id, ['CONTRIBUTOR']);
      expect(errorCodes(await app.gql(DEACTIVATE, { userId: member.id }, admin.token))).toEqual([
        'FORBIDDEN',
      ]);
      expect(await reaches(member.token, brand.id)).toBe(true);
    });

    it('ends every session at once, refuses sign-in, and records it in each brand', async () => {
      const member = await app.fixtures.member(brand.id, ['CONTRIBUTOR']);
      await app.fixtures.member(other.id, ['REVIEWER'], member);
      const second = await app.fixtures.login(member.email, member.password);
      const platform = await app.fixtures.admin();

      const { deactivateUser } = await app.data(DEACTIVATE, { userId: member.id }, platform);
      expect(deactivateUser.id).toBe(member.id);
      for (const token of [member.token, second]) {
        expect(errorCodes(await app.gql('{ viewer { id } }', {}, token))).toEqual([
          'UNAUTHENTICATED',
        ]);
      }
      await expect(app.fixtures.login(member.email, member.password)).rejects.toThrow(
        /Invalid email or password/,
      );
      expect(await actions(brand.id, member.id)).toEqual(['member.added', 'user.deactivated']);
      expect(await actions(other.id, member.id)).toEqual(['member.added', 'user.deactivated']);

      // Again: nothing more happens; and nobody makes them a member again.
      await app.data(DEACTIVATE, { userId: member.id }, platform);
      expect(await actions(brand.id, member.id)).toHaveLength(2);
      expect(
        errorCodes(await app.gql(ADD, roles(member, brand.id, ['AUDITOR']), platform)),
      ).toEqual(['CONFLICT']);
    });

    it("keeps each brand's last ADMIN, and nobody deactivates themselves", async () => {
      const alone = await app.fixtures.brand();
      const only = await app.fixtures.member(alone.id, ['ADMIN']);
      const platform = await app.fixtures.admin();
      expect(errorCodes(await app.gql(DEACTIVATE, { userId: only.id }, platform))).toEqual([
        'CONFLICT',
      ]);
      expect(await reaches(only.token, alone.id)).toBe(true);
      const { viewer } = await app.data('{ viewer { id } }', {}, platform);
      expect(errorCodes(await app.gql(DEACTIVATE, { userId: viewer.id }, platform))).toEqual([
        'CONFLICT',
      ]);
    });
  });
});
