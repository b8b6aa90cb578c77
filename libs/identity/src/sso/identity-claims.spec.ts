import { groupsInClaim, nameFromClaims } from './identity-claims';

describe('the groups an ID token names', () => {
  it('reads a list from the configured claim, ignoring what is not a name', () => {
    expect(groupsInClaim({ roles: ['Comms', 7, 'Legal'] }, 'roles')).toEqual(['Comms', 'Legal']);
  });

  it('takes a single name as a list of one', () => {
    expect(groupsInClaim({ groups: 'Comms' }, 'groups')).toEqual(['Comms']);
  });

  it('tells a token without the claim (null) from one that names no group ([])', () => {
    expect(groupsInClaim({ roles: ['Comms'] }, 'groups')).toBeNull();
    expect(groupsInClaim({ groups: { count: 3 } }, 'groups')).toBeNull();
    expect(groupsInClaim({ groups: [] }, 'groups')).toEqual([]);
  });
});

describe('the name of a person provisioned at sign-in', () => {
  it('is the token’s name, else the email', () => {
    expect(nameFromClaims({ name: '  Ada Lovelace ' }, 'ada@acme.example')).toBe('Ada Lovelace');
    expect(nameFromClaims({ name: ' ' }, 'ada@acme.example')).toBe('ada@acme.example');
    expect(nameFromClaims({}, 'ada@acme.example')).toBe('ada@acme.example');
  });

  it('stands the email in for a name no input could hold: a control or a bidirectional one', () => {
    for (const name of ['Ada\u0000', 'Ada \u202Eecalevol', 'Ada\u001b[31m'])
      expect(nameFromClaims({ name }, 'ada@acme.example')).toBe('ada@acme.example');
  });
});
