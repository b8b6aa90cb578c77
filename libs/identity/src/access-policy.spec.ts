import { effectiveRoles, mayPerform, Operation } from './access-policy';
import { Role } from './role';

const { ADMIN, CONTRIBUTOR, REVIEWER, APPROVER, AUDITOR } = Role;

// DESIGN.md, "Who may do what", written out by hand: Y may, - may not.
const TABLE = `
  operation                 ADMIN  SOCIAL_MANAGER  CONTRIBUTOR  REVIEWER  APPROVER  AUDITOR
  READ_BRAND                Y      Y               Y            Y         Y         Y
  MANAGE_MEMBERS            Y      -               -            -         -         -
  SET_APPROVAL_POLICY       Y      -               -            -         -         -
  MANAGE_WEBHOOKS           Y      -               -            -         -         -
  MANAGE_OUTBOX             Y      -               -            -         -         -
  MANAGE_CHAT               Y      -               -            -         -         -
  CREATE_PROPOSAL           -      Y               -            -         -         -
  REVISE_PROPOSAL           -      Y               -            -         -         -
  SUBMIT_PROPOSAL           -      Y               -            -         -         -
  SET_RECOMMENDATION        -      Y               -            -         -         -
  WITHDRAW_PROPOSAL         Y      Y               -            -         -         -
  ADD_EVIDENCE              -      Y               Y            Y         -         -
  MANAGE_RISK_NOTES         -      Y               Y            Y         -         -
  COMMENT                   Y      Y               Y            Y         Y         -
  SCHEDULE_AND_PUBLISH      -      Y               -            -         Y         -
  RESCHEDULE_AFTER_FREEZE   -      -               -            -         Y         -
  MANAGE_CONTENT_FREEZE     Y      -               -            -         Y         -
  READ_AUDIT                Y      -               -            -         -         Y
`;

const [header, ...rows] = TABLE.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/));
const columns = header.slice(1);
const expected = new Map(rows.map(([operation, ...marks]) => [operation, marks]));

const allowed = (operation: Operation, role: Role): boolean =>
  expected.get(operation)?.[columns.indexOf(role)] === 'Y';

const cases = Object.values(Operation).flatMap((operation) =>
  Object.values(Role).map((role) => ({ operation, role, may: allowed(operation, role) })),
);

describe('mayPerform', () => {
  it('the table covers every operation and every role', () => {
    expect([...expected.keys()].sort()).toEqual(Object.values(Operation).sort());
    expect([...columns].sort()).toEqual(Object.values(Role).sort());
    for (const marks of expected.values()) expect(marks).toHaveLength(columns.length);
  });

  it.each(cases)('$role may $operation: $may', ({ operation, role, may }) => {
    expect(mayPerform([role], operation)).toBe(may);
  });

  it('allows an operation when any one of several roles allows it', () => {
    expect(mayPerform([AUDITOR, CONTRIBUTOR], Operation.COMMENT)).toBe(true);
    expect(mayPerform([AUDITOR, REVIEWER], Operation.MANAGE_MEMBERS)).toBe(false);
  });

  it('allows nothing without a role', () => {
    for (const operation of Object.values(Operation)) expect(mayPerform([], operation)).toBe(false);
  });
});

describe('effectiveRoles', () => {
  it('is the member roles for a member', () => {
    expect(effectiveRoles([REVIEWER, APPROVER], false).sort()).toEqual([APPROVER, REVIEWER]);
  });

  it('is nothing for a user with no membership who is not a platform administrator', () => {
    expect(effectiveRoles(undefined, false)).toEqual([]);
    expect(effectiveRoles([], false)).toEqual([]);
  });

  it('makes a platform administrator an ADMIN of a brand they are not a member of', () => {
    expect(effectiveRoles(undefined, true)).toEqual([ADMIN]);
  });

  it('adds ADMIN to a platform administrator’s own roles, once', () => {
    expect(effectiveRoles([AUDITOR], true).sort()).toEqual([ADMIN, AUDITOR]);
    expect(effectiveRoles([ADMIN], true)).toEqual([ADMIN]);
  });

  it.each(Object.values(Operation))(
    'lets a platform administrator %s exactly when a brand ADMIN may',
    (operation) => {
      expect(mayPerform(effectiveRoles(undefined, true), operation)).toBe(
        allowed(operation, ADMIN),
      );
    },
  );
});
