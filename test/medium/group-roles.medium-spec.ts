import { AuditService } from '@standpoint/audit';
import { GroupRoleReader, GroupRolesService, MAX_GROUP_MAPPINGS, Role } from '@standpoint/identity';
import { useTestServices } from '@standpoint/testing';
import { CliModule } from '../../apps/cli/src/cli.module';
import { ServiceFixtures } from './service-fixtures';

/**
 * GroupRolesService and GroupRoleReader on the real database: the cap on a brand's mappings, a
 * brand's mappings counting for it alone, and a change that changes nothing recording nothing.
 * test/scim.e2e-spec.ts holds what mappings do to provisioned members, through SCIM and GraphQL.
 */
describe('group → role mappings', () => {
  const s = useTestServices(CliModule);
  const fixtures = () => new ServiceFixtures(s);
  const groupRoles = () => s.get(GroupRolesService);
  const set = (admin: string, brandId: string, group: string, roles: Role[]) =>
    s.as(admin, (ctx) => groupRoles().set(ctx, { brandId, group, roles }));

  it(`keeps at most ${MAX_GROUP_MAPPINGS} per brand, and still lets one of them change`, async () => {
    const f = fixtures();
    const brandId = await f.brand();
    const admin = await f.member(brandId, [Role.ADMIN]);
    for (let i = 0; i < MAX_GROUP_MAPPINGS; i++) {
      await set(admin, brandId, `group ${i}`, [Role.CONTRIBUTOR]);
    }
    await expect(set(admin, brandId, 'one too many', [Role.CONTRIBUTOR])).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(set(admin, brandId, 'GROUP 7', [Role.REVIEWER])).resolves.toMatchObject({
      group: 'GROUP 7',
      roles: [Role.REVIEWER],
    });
    const listed = await s.as(admin, (ctx) => groupRoles().list(ctx, brandId));
    expect(listed).toHaveLength(MAX_GROUP_MAPPINGS);
  });

  it('gives the roles of the brand’s own mappings only', async () => {
    const f = fixtures();
    const [brandId, otherId] = [await f.brand(), await f.brand()];
    await set(await f.member(brandId, [Role.ADMIN]), brandId, 'Legal', [Role.APPROVER]);
    const otherAdmin = await f.member(otherId, [Role.ADMIN]);
    await set(otherAdmin, otherId, 'Comms', [Role.SOCIAL_MANAGER]);
    await set(otherAdmin, otherId, 'Legal', [Role.ADMIN]);
    const rolesFor = (brand: string) =>
      s.asSystem((ctx) => s.get(GroupRoleReader).rolesFor(ctx, brand, ['legal', 'Comms']));
    expect(await rolesFor(brandId)).toEqual([Role.APPROVER]);
    expect(await rolesFor(otherId)).toEqual([Role.ADMIN, Role.SOCIAL_MANAGER]);
  });

  it('records a change once: setting the same roles again records nothing', async () => {
    const f = fixtures();
    const brandId = await f.brand();
    const admin = await f.member(brandId, [Role.ADMIN]);
    await set(admin, brandId, 'Legal', [Role.APPROVER, Role.REVIEWER]);
    await set(admin, brandId, 'Legal', [Role.REVIEWER, Role.APPROVER]);
    const chain = await s.asSystem((ctx) => s.get(AuditService).chain(ctx, brandId));
    expect(chain.filter((e) => e.action === 'group_roles.set')).toHaveLength(1);
  });
});
