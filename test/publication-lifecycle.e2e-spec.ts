import { verifyChain } from '@standpoint/audit';
import {
  ProposalState,
  REVISABLE_STATES,
  transitionTarget,
  TRANSITIONS,
} from '@standpoint/proposals';
import { TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import fc from 'fast-check';
import { AppModule } from '../src/app.module';
import {
  DECIDE,
  LINKEDIN_WORDS,
  publicationClient,
  Read,
  SHELTERS,
  X_WORDS,
} from './publication-client';

/** The proposal lifecycle as a whole: random sequences of operations, through the API. */
describe('publication', () => {
  const app = useTestApp(AppModule);
  const {
    read,
    chain,
    reviseRaw,
    submitRaw,
    schedule,
    markPublished,
    withdraw,
    retract,
    startFreeze,
    endFreeze,
    answerOf,
  } = publicationClient(app);

  describe('the lifecycle under random operations', () => {
    type Op =
      | 'submit'
      | 'approve'
      | 'reject'
      | 'requestChanges'
      | 'revise'
      | 'schedule'
      | 'unschedule'
      | 'markPublished'
      | 'withdraw'
      | 'retract';
    /** The transition of the lifecycle table each operation asks for, and the name its refusal gives. */
    const TRANSITION_OF: Record<Exclude<Op, 'revise'>, [string, string]> = {
      submit: ['submit', 'submit'],
      approve: ['approve', 'decide'],
      reject: ['reject', 'decide'],
      requestChanges: ['requestChanges', 'decide'],
      schedule: ['schedule', 'schedule'],
      unschedule: ['unschedule', 'unschedule'],
      markPublished: ['publish', 'publish'],
      withdraw: ['withdraw', 'withdraw'],
      retract: ['retract', 'retract'],
    };
    const STATES = new Set<string>(Object.values(ProposalState));
    const APPROVED_ONCE = new Set(['APPROVED', 'SCHEDULED', 'PUBLISHED', 'RETRACTED']);
    const OUT = new Set(['PUBLISHED', 'RETRACTED']);

    let brand: TestBrand;
    let manager: TestMember;
    let publisher: TestMember;
    const tokens = new Map<string, string>();

    beforeAll(async () => {
      const f = app.fixtures;
      brand = await f.brand();
      const [admin, m, p, ...deciders] = await Promise.all([
        f.member(brand.id, ['ADMIN']),
        f.member(brand.id, ['SOCIAL_MANAGER']),
        // An APPROVER the policy does not name: schedules, publishes, retracts, freezes.
        f.member(brand.id, ['APPROVER']),
        f.member(brand.id, ['REVIEWER']),
        f.member(brand.id, ['REVIEWER']),
        f.member(brand.id, ['APPROVER']),
        f.member(brand.id, ['APPROVER']),
        f.member(brand.id, ['APPROVER']),
      ]);
      manager = m;
      publisher = p;
      for (const member of deciders) tokens.set(member.id, member.token);
      const leaders = deciders.slice(2).map((l) => l.id);
      const policy = await app.gql(
        `mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }`,
        {
          input: {
            brandId: brand.id,
            steps: [
              { name: 'Communications', role: 'REVIEWER', quorum: 'ANY' },
              {
                name: 'Legal',
                approverIds: [leaders[0]],
                quorum: 'ANY',
                appliesWhen: { riskCategories: ['LEGAL_REGULATORY'] },
              },
              { name: 'Leadership', approverIds: leaders, quorum: 'COUNT', minApprovals: 2 },
            ],
          },
        },
        admin.token,
      );
      expect(policy.errors).toBeUndefined();
    });

    /** The active step's eligible approvers who have not decided on it for the current words. */
    const undecided = (proposal: Read): string[] => {
      const active = proposal.approvalSteps.find((s) => s.status === 'ACTIVE');
      if (!active) return [];
      const decided = new Set(
        proposal.decisions
          .filter((d) => d.step === active.name && !d.stale)
          .map((d) => d.approver.id),
      );
      return active.eligibleApprovers.map((u) => u.id).filter((id) => !decided.has(id));
    };

    /** Runs one operation as a client would, and answers what came back (the first field). */
    const perform = async (op: Op, id: string, before: Read, step: number) => {
      const anyDecider = tokens.values().next().value!;
      const deciderToken = undecided(before).map((d) => tokens.get(d)!)[0] ?? anyDecider;
      const decide = (outcome: string) =>
        app.gql(
          DECIDE,
          {
            input: {
              proposalId: id,
              outcome,
              contentHash: before.currentRevision.contentHash,
              comment: `Decided at step ${step}`,
            },
          },
          deciderToken,
        );
      switch (op) {
        case 'submit':
          if (
            transitionTarget(before.state as ProposalState, 'submit') &&
            !before.recommendation?.current
          ) {
            await app.fixtures.recommendation(id, manager.token, {
              rationale: `Still right at step ${step}`,
            });
          }
          return submitRaw(id, manager.token);
        case 'approve':
          return decide('APPROVE');
        case 'reject':
          return decide('REJECT');
        case 'requestChanges':
          return decide('REQUEST_CHANGES');
        case 'revise':
          return reviseRaw(
            {
              proposalId: id,
              drafts: [
                { channel: 'X', body: `${X_WORDS} (${step})` },
                { channel: 'LINKEDIN', body: `${LINKEDIN_WORDS} (${step})` },
              ],
            },
            manager.token,
          );
        case 'schedule':
          return schedule(id, publisher.token);
        case 'unschedule': {
          const started = await startFreeze(
            brand.id,
            publisher.token,
            [],
            `Freeze at step ${step}`,
          );
          expect(started.errors).toBeUndefined();
          return endFreeze(brand.id, publisher.token);
        }
        case 'markPublished':
          return markPublished(id, step % 2 === 0 ? 'X' : 'LINKEDIN', manager.token);
        case 'withdraw':
          return withdraw(id, manager.token, `Withdrawn at step ${step}`);
        case 'retract':
          return retract(id, publisher.token, `Retracted at step ${step}`);
      }
    };

    const checkInvariants = (p: Read) => {
      expect(STATES.has(p.state)).toBe(true);
      if (p.state === 'IN_REVIEW') {
        // The review is in the shape decisions keep it in: one step under review, in order.
        const current = p.approvalSteps.findIndex(
          (s) => s.status === 'ACTIVE' || s.status === 'BLOCKED',
        );
        expect(current).toBeGreaterThanOrEqual(0);
        p.approvalSteps.forEach((s, i) => {
          const allowed =
            i < current
              ? ['SATISFIED', 'SKIPPED']
              : i > current
                ? ['WAITING', 'SKIPPED']
                : [s.status];
          expect(allowed).toContain(s.status);
        });
      }
      if (APPROVED_ONCE.has(p.state)) {
        // Approved words: every step that applies has enough approvals of exactly these words.
        const applying = p.approvalSteps.filter((s) => s.status !== 'SKIPPED');
        expect(applying.length).toBeGreaterThan(0);
        for (const s of applying) {
          const current = p.decisions.filter(
            (d) =>
              d.step === s.name &&
              d.outcome === 'APPROVE' &&
              !d.stale &&
              d.revisionNumber === p.currentRevision.number,
          );
          expect({ step: s.name, status: s.status }).toEqual({ step: s.name, status: 'SATISFIED' });
          expect(s.requiredApprovals).toBeGreaterThanOrEqual(1);
          expect(s.approvals).toBeGreaterThanOrEqual(s.requiredApprovals);
          expect(current.length).toBe(s.approvals);
        }
      }
    };

    /** Whether the lifecycle lets `op` act on a proposal in `state` (the rest must be refused). */
    const mayAttempt = (op: Op, state: string): boolean =>
      op === 'revise'
        ? REVISABLE_STATES.has(state as ProposalState)
        : transitionTarget(state as ProposalState, TRANSITION_OF[op][0]) !== undefined ||
          (op === 'markPublished' && state === 'PUBLISHED');
    /**
     * How often a guided step picks each operation the state allows: approving takes three
     * decisions, and the operations that end a proposal's life are kept rare so that runs go far.
     */
    const GUIDANCE: Record<Op, number> = {
      approve: 12,
      submit: 6,
      schedule: 4,
      markPublished: 4,
      unschedule: 2,
      retract: 2,
      revise: 1,
      requestChanges: 1,
      reject: 1,
      withdraw: 1,
    };
    const GUIDED = (Object.entries(GUIDANCE) as [Op, number][]).flatMap(([op, weight]) =>
      Array.from({ length: weight }, () => op),
    );
    const ALL_OPS: Op[] = [...new Set(GUIDED)];
    type Step = Op | { guided: boolean; pick: number };
    /**
     * A step names an operation outright, or picks one when it runs: a guided pick among the
     * operations the state allows (so that runs get past DRAFT), otherwise among all of them.
     */
    const STEP: fc.Arbitrary<Step> = fc.oneof(
      { arbitrary: fc.constantFrom(...ALL_OPS), weight: 1 },
      {
        arbitrary: fc.record({
          guided: fc.integer({ min: 0, max: 7 }).map((n) => n > 0),
          pick: fc.nat({ max: 999 }),
        }),
        weight: 6,
      },
    );
    const opFor = (step: Step, state: string): Op => {
      if (typeof step === 'string') return step;
      const allowed = GUIDED.filter((op) => mayAttempt(op, state));
      const pool = step.guided && allowed.length > 0 ? allowed : ALL_OPS;
      return pool[step.pick % pool.length];
    };

    it('keeps every invariant of the lifecycle, whatever is attempted in whatever order', async () => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(
          fc.array(STEP, { minLength: 5, maxLength: 30, size: 'max' }),
          async (steps) => {
            const { id } = await app.fixtures.proposal(brand.id, manager.token, SHELTERS);
            // Ready to submit but for the recommendation, which `submit` sets when it is not current.
            await app.fixtures.evidence(id, manager.token, {
              kind: 'NEWS_COVERAGE',
              summary: 'The flood is on every front page',
            });
            let approvals = 0;
            for (const [step, next] of steps.entries()) {
              const before = await read(id, manager.token);
              const op = opFor(next, before.state);
              const eventsBefore = (await chain(brand.id)).length;
              const response = await perform(op, id, before, step);
              const after = await read(id, manager.token);
              seen.add(after.state);
              checkInvariants(after);
              if (OUT.has(before.state)) expect(OUT.has(after.state)).toBe(true);
              if (before.state === 'RETRACTED') expect(after.state).toBe('RETRACTED');

              if (op === 'unschedule') {
                // Not a request about this proposal: a freeze moves it only if it was SCHEDULED.
                expect(response.errors).toBeUndefined();
                if (before.state === 'SCHEDULED') {
                  expect(after).toMatchObject({
                    state: 'APPROVED',
                    publishAt: null,
                    version: before.version + 1,
                  });
                } else {
                  expect({ state: after.state, version: after.version }).toEqual({
                    state: before.state,
                    version: before.version,
                  });
                }
                continue;
              }
              const answer = answerOf(response);
              const allowed = mayAttempt(op, before.state);
              if (!allowed) {
                expect(answer).toMatchObject({
                  __typename: 'InvalidTransitionError',
                  errorCode: 'INVALID_TRANSITION',
                  fromState: before.state,
                  transition: op === 'revise' ? 'revise' : TRANSITION_OF[op][1],
                });
                expect(answer.message).toContain(before.state);
                expect({ state: after.state, version: after.version }).toEqual({
                  state: before.state,
                  version: before.version,
                });
                expect((await chain(brand.id)).length).toBe(eventsBefore);
                continue;
              }

              expect(answer.__typename).toBe(
                op === 'approve' || op === 'reject' || op === 'requestChanges'
                  ? 'Decision'
                  : 'Proposal',
              );
              switch (op) {
                case 'submit':
                  approvals = 0;
                  expect(after.state).toBe('IN_REVIEW');
                  break;
                case 'approve':
                  approvals++;
                  // Communications needs one approval and Leadership two; Legal is skipped.
                  expect(after.state).toBe(approvals === 3 ? 'APPROVED' : 'IN_REVIEW');
                  break;
                case 'revise':
                  if (before.state === 'IN_REVIEW') approvals = 0;
                  expect(after).toMatchObject({
                    state: before.state,
                    version: before.version + 1,
                    currentRevision: { number: before.currentRevision.number + 1 },
                  });
                  break;
                case 'markPublished':
                  expect(after.state).toBe('PUBLISHED');
                  break;
                default:
                  expect(after.state).toBe(TRANSITIONS[TRANSITION_OF[op][0]].to);
              }
            }
            const all = await chain(brand.id);
            expect(verifyChain(all)).toMatchObject({ valid: true, checkedEvents: all.length });
          },
        ),
        {
          numRuns: 15,
          // Besides the random runs: one that surely goes all the way, through a freeze.
          examples: [
            [
              [
                'schedule',
                'submit',
                'approve',
                'revise',
                'approve',
                'approve',
                'approve',
                'revise',
                'schedule',
                'unschedule',
                'schedule',
                'markPublished',
                'markPublished',
                'withdraw',
                'submit',
                'retract',
                'markPublished',
                'retract',
              ],
            ],
            [
              [
                'submit',
                'requestChanges',
                'approve',
                'revise',
                'submit',
                'approve',
                'reject',
                'withdraw',
                'revise',
              ],
            ],
          ],
        },
      );
      expect([...seen]).toEqual(
        expect.arrayContaining(['IN_REVIEW', 'APPROVED', 'PUBLISHED', 'RETRACTED']),
      );
    }, 300_000);
  });
});
