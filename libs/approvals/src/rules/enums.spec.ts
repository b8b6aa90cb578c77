import * as enums from './enums';
import { DECIDING_ROLES } from './enums';

// The approval enums of the contract (shared/contract/schema.graphql), written out again so that a
// renamed or dropped member fails here before it breaks the contract check.
const EXPECTED: Record<string, string[]> = {
  Quorum: ['ANY', 'ALL', 'COUNT'],
  StepStatus: ['WAITING', 'ACTIVE', 'SATISFIED', 'BLOCKED', 'SKIPPED', 'EXPIRED'],
  DecisionOutcome: ['APPROVE', 'REQUEST_CHANGES', 'REJECT'],
  // SLACK is added to the contract's members (issue 15): the contract's values stay.
  DecisionChannel: ['API', 'EMAIL_LINK', 'SLACK'],
  DeadlineKind: ['REMIND_HALF', 'REMIND_LATE', 'TIMEOUT'],
};

describe('enums', () => {
  it('are exactly the expected enums and the deciding roles', () => {
    expect(Object.keys(enums).sort()).toEqual([...Object.keys(EXPECTED), 'DECIDING_ROLES'].sort());
  });

  it.each(Object.entries(EXPECTED))(
    '%s has the contract members, each valued by its name',
    (name, members) => {
      const values = enums[name as keyof typeof enums] as Record<string, string>;
      expect(Object.keys(values)).toEqual(members);
      for (const [key, value] of Object.entries(values)) expect(value).toBe(key);
    },
  );
});

describe('DECIDING_ROLES', () => {
  it('is every brand role except AUDITOR', () => {
    expect(DECIDING_ROLES).toEqual([
      'ADMIN',
      'SOCIAL_MANAGER',
      'CONTRIBUTOR',
      'REVIEWER',
      'APPROVER',
    ]);
    expect(DECIDING_ROLES).not.toContain('AUDITOR');
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(DECIDING_ROLES)).toBe(true);
    expect(() => (DECIDING_ROLES as string[]).push('AUDITOR')).toThrow(TypeError);
  });
});
