import { SamlAssertionFacts } from './saml-assertion';
import { samlIdentity } from './saml-identity';

const facts = (nameID: string, attributes: Record<string, unknown> = {}): SamlAssertionFacts => ({
  id: '_a',
  notOnOrAfter: new Date(),
  inResponseTo: null,
  nameID,
  attributes,
});
const byNameId = { emailAttribute: null, groupsAttribute: 'groups' };

describe('whom a SAML assertion vouches for', () => {
  it('takes the email from the NameID, lower case, or from the attribute the provider names', () => {
    expect(samlIdentity(facts(' Ann@Example.TEST '), byNameId)?.email).toBe('ann@example.test');
    const byMail = { emailAttribute: 'mail', groupsAttribute: 'groups' };
    expect(samlIdentity(facts('00u1abc', { mail: ['Ann@example.test'] }), byMail)?.email).toBe(
      'ann@example.test',
    );
  });

  it('refuses an assertion whose email is missing or not an address', () => {
    expect(samlIdentity(facts('00u1abc'), byNameId)).toBeNull();
    expect(
      samlIdentity(facts('x', {}), { emailAttribute: 'mail', groupsAttribute: 'g' }),
    ).toBeNull();
  });

  it('names the person from Entra ID’s display name, a given and family name, else the email', () => {
    const entra = facts('ann@example.test', {
      'http://schemas.microsoft.com/identity/claims/displayname': 'Ann Lee',
    });
    expect(samlIdentity(entra, byNameId)?.name).toBe('Ann Lee');
    const okta = facts('ann@example.test', { firstName: 'Ann', lastName: 'Lee' });
    expect(samlIdentity(okta, byNameId)?.name).toBe('Ann Lee');
    const spoofing = facts('ann@example.test', { displayName: 'Ann \u202eeeL' });
    expect(samlIdentity(spoofing, byNameId)?.name).toBe('ann@example.test');
  });

  it('tells an assertion without the groups attribute (null) from one that names no group', () => {
    expect(samlIdentity(facts('ann@example.test'), byNameId)?.groups).toBeNull();
    const one = facts('ann@example.test', { groups: 'Comms' });
    expect(samlIdentity(one, byNameId)?.groups).toEqual(['Comms']);
  });
});
