import { Role } from '../role';
import { groupKey, rolesForGroups } from './group-roles.rules';

describe('group roles', () => {
  const mappings = [
    { group: 'Comms Admins', roles: [Role.ADMIN] },
    { group: 'Comms', roles: [Role.SOCIAL_MANAGER, Role.CONTRIBUTOR] },
    { group: 'Legal', roles: [Role.APPROVER, Role.CONTRIBUTOR] },
  ];

  it('gives the union of the mapped groups’ roles, once each, in the declared order', () => {
    expect(rolesForGroups(mappings, ['Legal', 'Comms'])).toEqual([
      Role.SOCIAL_MANAGER,
      Role.CONTRIBUTOR,
      Role.APPROVER,
    ]);
  });

  it('matches names whatever their case, spaces around them and Unicode form', () => {
    expect(rolesForGroups(mappings, ['  comms ADMINS '])).toEqual([Role.ADMIN]);
    expect(groupKey('Cafe\u0301')).toBe(groupKey('Café'));
  });

  it('gives no role for groups nobody mapped, nor for no group', () => {
    expect(rolesForGroups(mappings, ['Everyone', 'Comms Admins Team'])).toEqual([]);
    expect(rolesForGroups(mappings, [])).toEqual([]);
  });
});
