import fc from 'fast-check';
import { EvidenceKind, ProposalState } from './enums';
import {
  canAddEvidence,
  DOSSIER_OPEN_STATES,
  REVISABLE_STATES,
  TRANSITIONS,
  transitionTarget,
} from './lifecycle';

const STATES = Object.values(ProposalState);
const KINDS = Object.values(EvidenceKind);
const NAMES = [
  'submit',
  'approve',
  'reject',
  'requestChanges',
  'expire',
  'schedule',
  'unschedule',
  'publish',
  'retract',
  'withdraw',
] as const;
const FINAL_STATES = [
  ProposalState.REJECTED,
  ProposalState.EXPIRED,
  ProposalState.WITHDRAWN,
  ProposalState.RETRACTED,
];

/** Short names of the states, for the matrix below. */
const CODE: Record<string, ProposalState | undefined> = {
  DR: ProposalState.DRAFT,
  IR: ProposalState.IN_REVIEW,
  CR: ProposalState.CHANGES_REQUESTED,
  AP: ProposalState.APPROVED,
  RJ: ProposalState.REJECTED,
  EX: ProposalState.EXPIRED,
  SC: ProposalState.SCHEDULED,
  PB: ProposalState.PUBLISHED,
  WD: ProposalState.WITHDRAWN,
  RT: ProposalState.RETRACTED,
  '--': undefined,
};

// Every state (row) × every transition (column, in NAMES order: submit, approve, reject,
// requestChanges, expire, schedule, unschedule, publish, retract, withdraw): the target state,
// or -- where the table refuses.
// prettier-ignore
const MATRIX: Record<ProposalState, string> = {
  //                  sub  app  rej  req  exp  sch  uns  pub  ret  wdr
  DRAFT:             'IR   --   --   --   --   --   --   --   --   WD',
  IN_REVIEW:         '--   AP   RJ   CR   EX   --   --   --   --   WD',
  CHANGES_REQUESTED: 'IR   --   --   --   --   --   --   --   --   WD',
  APPROVED:          '--   --   --   --   --   SC   --   PB   --   WD',
  SCHEDULED:         '--   --   --   --   --   --   AP   PB   --   WD',
  PUBLISHED:         '--   --   --   --   --   --   --   --   RT   --',
  REJECTED:          '--   --   --   --   --   --   --   --   --   --',
  EXPIRED:           '--   --   --   --   --   --   --   --   --   --',
  WITHDRAWN:         '--   --   --   --   --   --   --   --   --   --',
  RETRACTED:         '--   --   --   --   --   --   --   --   --   --',
};

describe('TRANSITIONS', () => {
  it('has exactly the transitions of the lifecycle, and no revise', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...NAMES].sort());
    expect(TRANSITIONS).not.toHaveProperty('revise');
  });

  it('is the lifecycle of DESIGN.md, state by state', () => {
    for (const state of STATES) {
      const codes = MATRIX[state].split(/ +/);
      expect(codes).toHaveLength(NAMES.length);
      const expected = Object.fromEntries(NAMES.map((name, i) => [name, CODE[codes[i]]]));
      const actual = Object.fromEntries(NAMES.map((name) => [name, transitionTarget(state, name)]));
      expect({ state, ...actual }).toEqual({ state, ...expected });
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(TRANSITIONS)).toBe(true);
    for (const name of NAMES) {
      expect(Object.isFrozen(TRANSITIONS[name])).toBe(true);
      expect(Object.isFrozen(TRANSITIONS[name].from)).toBe(true);
    }
  });

  it('lets withdraw leave every state before PUBLISHED', () => {
    expect([...TRANSITIONS.withdraw.from].sort()).toEqual(
      [
        ProposalState.DRAFT,
        ProposalState.IN_REVIEW,
        ProposalState.CHANGES_REQUESTED,
        ProposalState.APPROVED,
        ProposalState.SCHEDULED,
      ].sort(),
    );
  });
});

describe('transitionTarget', () => {
  it.each(['revise', 'toString', 'constructor', '__proto__', 'hasOwnProperty', '', 'Submit'])(
    'knows no transition %j',
    (name) => {
      for (const state of STATES) expect(transitionTarget(state, name)).toBeUndefined();
    },
  );

  const anyNameArb = fc.oneof(fc.constantFrom(...NAMES), fc.string());

  it('never leaves PUBLISHED except by retract', () => {
    fc.assert(
      fc.property(anyNameArb, (name) => {
        const target = transitionTarget(ProposalState.PUBLISHED, name);
        expect(target).toBe(name === 'retract' ? ProposalState.RETRACTED : undefined);
      }),
    );
  });

  it('never leaves a final state', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FINAL_STATES), anyNameArb, (state, name) => {
        expect(transitionTarget(state, name)).toBeUndefined();
      }),
    );
  });

  it("moves to the transition's target, never to the state it leaves", () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATES), fc.constantFrom(...NAMES), (state, name) => {
        const target = transitionTarget(state, name);
        if (target === undefined) return;
        expect(target).toBe(TRANSITIONS[name].to);
        expect(target).not.toBe(state);
      }),
    );
  });

  it('reaches every state from DRAFT', () => {
    const reachable = new Set([ProposalState.DRAFT]);
    for (let grew = true; grew;) {
      grew = false;
      for (const state of [...reachable]) {
        for (const name of NAMES) {
          const target = transitionTarget(state, name);
          if (target && !reachable.has(target)) {
            reachable.add(target);
            grew = true;
          }
        }
      }
    }

    expect([...reachable].sort()).toEqual([...STATES].sort());
  });
});

describe('REVISABLE_STATES and DOSSIER_OPEN_STATES', () => {
  it('are DRAFT, IN_REVIEW and CHANGES_REQUESTED', () => {
    const expected = [
      ProposalState.DRAFT,
      ProposalState.IN_REVIEW,
      ProposalState.CHANGES_REQUESTED,
    ];
    expect([...REVISABLE_STATES]).toEqual(expected);
    expect([...DOSSIER_OPEN_STATES]).toEqual(expected);
  });
});

describe('canAddEvidence', () => {
  it.each(STATES)('in %s', (state) => {
    const open = [
      ProposalState.DRAFT,
      ProposalState.IN_REVIEW,
      ProposalState.CHANGES_REQUESTED,
    ].includes(state);
    const published = state === ProposalState.PUBLISHED || state === ProposalState.RETRACTED;
    for (const kind of KINDS) {
      const expected = kind === EvidenceKind.POST_PUBLISH_REACTION ? published : open;
      expect(canAddEvidence(state, kind)).toBe(expected);
    }
  });

  it('never allows a reaction before publication, nor a case once a decision is final', () => {
    expect(canAddEvidence(ProposalState.DRAFT, EvidenceKind.POST_PUBLISH_REACTION)).toBe(false);
    expect(canAddEvidence(ProposalState.SCHEDULED, EvidenceKind.POST_PUBLISH_REACTION)).toBe(false);
    expect(canAddEvidence(ProposalState.APPROVED, EvidenceKind.SURVEY_STAT)).toBe(false);
    expect(canAddEvidence(ProposalState.PUBLISHED, EvidenceKind.LISTENING_SNAPSHOT)).toBe(false);
  });
});
