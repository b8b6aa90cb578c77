import { verifyChain } from '@standpoint/audit';
import {
  ProposalState,
  REVISABLE_STATES,
  transitionTarget,
  TRANSITIONS,
} from '@standpoint/proposals';
import {
  errorCodes,
  fieldsOf,
  ProposalOptions,
  TestBrand,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import fc from 'fast-check';
import { AppModule } from '../src/app.module';

const RESULT = `__typename
  ... on Proposal { id state version publishAt currentRevision { number contentHash } }
  ... on ErrorResult { errorCode message }
  ... on InvalidTransitionError { fromState transition }
  ... on ContentFreezeActiveError { freeze { reason allowedUsers { id } } }`;
const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) {
  __typename
  ... on Decision { id step outcome stale }
  ... on ErrorResult { errorCode message }
  ... on InvalidTransitionError { fromState transition }
} }`;
const READ = `query ($id: ID!) { proposal(id: $id) {
  state version publishAt currentRevision { number contentHash }
  recommendation { current }
  approvalSteps { name order status requiredApprovals approvals eligibleApprovers { id } }
  decisions { step outcome stale revisionNumber approver { id } }
} }`;
const FREEZE = `query ($id: ID!) { brand(id: $id) {
  contentFreeze { reason allowedUsers { id } startedBy { id } }
} }`;

const X_WORDS = 'Our stores are open as shelters tonight.';
const LINKEDIN_WORDS =
  'Tonight every one of our stores is open as a shelter. Here is how we staff them.';
/** Every proposal of these tests: drafts on X and LinkedIn. */
const SHELTERS: ProposalOptions = {
  title: 'Shelters tonight',
  issue: 'Flood relief',
  stanceType: 'ACTION_ANNOUNCEMENT',
  urgency: 'ELEVATED',
  drafts: [
    { channel: 'X', body: X_WORDS },
    { channel: 'LINKEDIN', body: LINKEDIN_WORDS },
  ],
};
const URL_OF: Record<string, string> = {
  X: 'https://x.example.com/brand/status/1',
  LINKEDIN: 'https://www.linkedin.example.com/posts/brand-1',
};
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

interface Step {
  name: string;
  order: number;
  status: string;
  requiredApprovals: number;
  approvals: number;
  eligibleApprovers: { id: string }[];
}
interface Read {
  state: string;
  version: number;
  publishAt: string | null;
  currentRevision: { number: number; contentHash: string };
  recommendation: { current: boolean } | null;
  approvalSteps: Step[];
  decisions: {
    step: string;
    outcome: string;
    stale: boolean;
    revisionNumber: number;
    approver: { id: string };
  }[];
}

/** After approval: scheduling, publication, withdrawal, retraction, freezes; and the lifecycle as a whole. */
describe('publication', () => {
  const app = useTestApp(AppModule);

  const read = async (proposalId: string, token: string): Promise<Read> =>
    (await app.data(READ, { id: proposalId }, token)).proposal;
  const chain = (brandId: string) => app.auditChain(brandId);

  const mutation =
    (name: string, inputType: string) => (input: Record<string, unknown>, token: string) =>
      app.gql(
        `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} } }`,
        { input },
        token,
      );
  const scheduleRaw = mutation('schedule', 'ScheduleInput');
  const markPublishedRaw = mutation('markPublished', 'MarkPublishedInput');
  const withdrawRaw = mutation('withdraw', 'ReasonInput');
  const retractRaw = mutation('retract', 'ReasonInput');
  const reviseRaw = mutation('reviseProposal', 'ReviseProposalInput');
  const submitRaw = (proposalId: string, token: string) =>
    app.gql(
      `mutation ($id: ID!) { submitProposal(proposalId: $id) { ${RESULT} } }`,
      { id: proposalId },
      token,
    );

  const schedule = (proposalId: string, token: string) =>
    scheduleRaw({ proposalId, publishAt: tomorrow() }, token);
  const markPublished = (
    proposalId: string,
    channel: string,
    token: string,
    url = URL_OF[channel],
  ) => markPublishedRaw({ proposalId, channel, url }, token);
  const withdraw = (proposalId: string, token: string, reason = 'The moment has passed') =>
    withdrawRaw({ proposalId, reason }, token);
  const retract = (proposalId: string, token: string, reason = 'We got a fact wrong') =>
    retractRaw({ proposalId, reason }, token);
  const startFreeze = (
    brandId: string,
    token: string,
    allowUserIds?: string[],
    reason = 'A crisis',
  ) =>
    app.gql(
      `mutation ($input: StartContentFreezeInput!) { startContentFreeze(input: $input) { contentFreeze { reason } } }`,
      { input: { brandId, reason, ...(allowUserIds ? { allowUserIds } : {}) } },
      token,
    );
  const endFreeze = (brandId: string, token: string) =>
    app.gql(
      `mutation ($id: ID!) { endContentFreeze(brandId: $id) { contentFreeze { reason } } }`,
      { id: brandId },
      token,
    );
  const answerOf = (response: { data?: Record<string, any> | null; errors?: unknown[] }) => {
    expect(response.errors).toBeUndefined();
    return Object.values(response.data!)[0];
  };

  /** One brand with the default policy (any APPROVER approves) and a member per role. */
  interface Cast {
    brand: TestBrand;
    admin: TestMember;
    manager: TestMember;
    approver: TestMember;
    contributor: TestMember;
    reviewer: TestMember;
    auditor: TestMember;
  }
  const castOf = async (): Promise<Cast> => {
    const f = app.fixtures;
    const brand = await f.brand();
    const [admin, manager, approver, contributor, reviewer, auditor] = await Promise.all(
      ['ADMIN', 'SOCIAL_MANAGER', 'APPROVER', 'CONTRIBUTOR', 'REVIEWER', 'AUDITOR'].map((role) =>
        f.member(brand.id, [role]),
      ),
    );
    return { brand, admin, manager, approver, contributor, reviewer, auditor };
  };

  /** A proposal of the cast's brand, brought to `state` through the API. */
  const proposalIn = async (cast: Cast, state: string): Promise<string> => {
    const { manager, approver } = cast;
    if (state === 'DRAFT')
      return (await app.fixtures.proposal(cast.brand.id, manager.token, SHELTERS)).id;
    const { id, contentHash: hash } = await app.fixtures.inReview(
      cast.brand.id,
      manager.token,
      SHELTERS,
    );
    if (state === 'IN_REVIEW') return id;
    const decide = (outcome: string) =>
      app.gql(
        DECIDE,
        { input: { proposalId: id, outcome, contentHash: hash, comment: 'Decided' } },
        approver.token,
      );
    if (state === 'CHANGES_REQUESTED' || state === 'REJECTED') {
      answerOf(await decide(state === 'REJECTED' ? 'REJECT' : 'REQUEST_CHANGES'));
      expect((await read(id, manager.token)).state).toBe(state);
      return id;
    }
    expect(answerOf(await decide('APPROVE'))).toMatchObject({ __typename: 'Decision' });
    if (state === 'APPROVED') return id;
    if (state === 'SCHEDULED') {
      expect(answerOf(await schedule(id, manager.token))).toMatchObject({ state: 'SCHEDULED' });
      return id;
    }
    expect(answerOf(await markPublished(id, 'X', manager.token))).toMatchObject({
      state: 'PUBLISHED',
    });
    if (state === 'PUBLISHED') return id;
    if (state === 'RETRACTED') {
      expect(answerOf(await retract(id, manager.token))).toMatchObject({ state: 'RETRACTED' });
      return id;
    }
    throw new Error(`no way to ${state} here`);
  };

  /** Asserts that a refused operation left the proposal and the brand's record as they were. */
  const unchanged = async (cast: Cast, proposalId: string, work: () => Promise<void>) => {
    const before = await read(proposalId, cast.manager.token);
    const events = (await chain(cast.brand.id)).length;
    await work();
    const after = await read(proposalId, cast.manager.token);
    expect({ state: after.state, version: after.version, publishAt: after.publishAt }).toEqual({
      state: before.state,
      version: before.version,
      publishAt: before.publishAt,
    });
    expect((await chain(cast.brand.id)).length).toBe(events);
  };

  describe('withdraw and retract', () => {
    let cast: Cast;
    beforeAll(async () => {
      cast = await castOf();
    });

    it.each(['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'SCHEDULED'])(
      'withdraws a %s proposal, with the reason on record',
      async (state) => {
        const id = await proposalIn(cast, state);
        const before = await read(id, cast.manager.token);
        expect(
          answerOf(await withdraw(id, cast.manager.token, '  The storm turned away  ')),
        ).toMatchObject({
          __typename: 'Proposal',
          state: 'WITHDRAWN',
          version: before.version + 1,
          publishAt: null,
        });
        const events = await app.proposalAuditEvents(cast.brand.id, id);
        expect(events[events.length - 1]).toMatchObject({
          action: 'proposal.withdrawn',
          data: { reason: 'The storm turned away', state: { from: state, to: 'WITHDRAWN' } },
        });
        await unchanged(cast, id, async () => {
          expect(answerOf(await withdraw(id, cast.manager.token))).toMatchObject({
            __typename: 'InvalidTransitionError',
            errorCode: 'INVALID_TRANSITION',
            fromState: 'WITHDRAWN',
            transition: 'withdraw',
          });
        });
      },
    );

    it.each(['PUBLISHED', 'RETRACTED', 'REJECTED'])(
      'refuses to withdraw a %s proposal, naming the state',
      async (state) => {
        const id = await proposalIn(cast, state);
        await unchanged(cast, id, async () => {
          expect(answerOf(await withdraw(id, cast.manager.token))).toEqual({
            __typename: 'InvalidTransitionError',
            errorCode: 'INVALID_TRANSITION',
            message: expect.stringContaining(state),
            fromState: state,
            transition: 'withdraw',
          });
        });
      },
    );

    it.each([
      ['an empty', ''],
      ['a blank', '   \n  '],
    ])('refuses %s reason to withdraw or retract, naming input.reason', async (_what, reason) => {
      const draft = await proposalIn(cast, 'DRAFT');
      const published = await proposalIn(cast, 'PUBLISHED');
      await unchanged(cast, draft, async () => {
        const response = await withdraw(draft, cast.manager.token, reason);
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(fieldsOf(response).map(([field]) => field)).toEqual(['input.reason']);
      });
      await unchanged(cast, published, async () => {
        const response = await retract(published, cast.manager.token, reason);
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(fieldsOf(response).map(([field]) => field)).toEqual(['input.reason']);
      });
    });

    it('retracts only a PUBLISHED proposal', async () => {
      for (const state of ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'REJECTED']) {
        const id = await proposalIn(cast, state);
        await unchanged(cast, id, async () => {
          expect(answerOf(await retract(id, cast.approver.token))).toMatchObject({
            __typename: 'InvalidTransitionError',
            fromState: state,
            transition: 'retract',
          });
        });
      }
      const id = await proposalIn(cast, 'PUBLISHED');
      expect(answerOf(await retract(id, cast.approver.token, 'A fact was wrong'))).toMatchObject({
        state: 'RETRACTED',
      });
      const events = await app.proposalAuditEvents(cast.brand.id, id);
      expect(events[events.length - 1]).toMatchObject({
        action: 'proposal.retracted',
        data: { reason: 'A fact was wrong', state: { from: 'PUBLISHED', to: 'RETRACTED' } },
      });
      await unchanged(cast, id, async () => {
        expect(answerOf(await retract(id, cast.approver.token))).toMatchObject({
          fromState: 'RETRACTED',
          transition: 'retract',
        });
        expect(answerOf(await markPublished(id, 'LINKEDIN', cast.manager.token))).toMatchObject({
          fromState: 'RETRACTED',
          transition: 'publish',
        });
      });
    });
  });

  describe('the publication record', () => {
    let cast: Cast;
    beforeAll(async () => {
      cast = await castOf();
    });

    it('records a second channel while PUBLISHED, and the same channel and URL again changes nothing', async () => {
      const id = await proposalIn(cast, 'SCHEDULED');
      const first = answerOf(await markPublished(id, 'X', cast.manager.token));
      expect(first).toMatchObject({ __typename: 'Proposal', state: 'PUBLISHED' });

      const second = answerOf(await markPublished(id, 'LINKEDIN', cast.approver.token));
      expect(second).toMatchObject({ __typename: 'Proposal', state: 'PUBLISHED' });
      const published = (await app.proposalAuditEvents(cast.brand.id, id)).filter(
        (e) => e.action === 'proposal.published',
      );
      expect(published.map((e) => e.data)).toEqual([
        expect.objectContaining({
          channel: 'X',
          url: URL_OF.X,
          state: { from: 'SCHEDULED', to: 'PUBLISHED' },
        }),
        expect.objectContaining({
          channel: 'LINKEDIN',
          url: URL_OF.LINKEDIN,
          state: { from: 'PUBLISHED', to: 'PUBLISHED' },
        }),
      ]);

      await unchanged(cast, id, async () => {
        for (const channel of ['X', 'LINKEDIN']) {
          expect(answerOf(await markPublished(id, channel, cast.manager.token))).toMatchObject({
            __typename: 'Proposal',
            state: 'PUBLISHED',
          });
        }
      });
      // Another URL for a channel already recorded is a conflict, not a silent change.
      await unchanged(cast, id, async () => {
        const response = await markPublished(
          id,
          'X',
          cast.manager.token,
          'https://x.example.com/brand/status/2',
        );
        expect(errorCodes(response)).toEqual(['CONFLICT']);
      });
    });

    it('refuses a channel without a draft, and a post URL that is not http(s)', async () => {
      for (const state of ['APPROVED', 'PUBLISHED']) {
        const id = await proposalIn(cast, state);
        await unchanged(cast, id, async () => {
          const response = await markPublished(
            id,
            'INSTAGRAM',
            cast.manager.token,
            'https://instagram.example.com/p/1',
          );
          expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
          expect(fieldsOf(response)).toEqual([['input.channel', 'drafted']]);
          const badUrl = await markPublished(
            id,
            'LINKEDIN',
            cast.manager.token,
            'javascript:alert(1)',
          );
          expect(errorCodes(badUrl)).toEqual(['BAD_USER_INPUT']);
          expect(fieldsOf(badUrl).map(([field]) => field)).toEqual(['input.url']);
        });
      }
    });
  });

  describe('permissions', () => {
    let cast: Cast;
    let outsider: TestMember;
    beforeAll(async () => {
      cast = await castOf();
      outsider = await app.fixtures.member((await app.fixtures.brand()).id, [
        'SOCIAL_MANAGER',
        'APPROVER',
        'ADMIN',
      ]);
    });

    const operations: [
      string,
      string,
      (id: string, token: string) => ReturnType<typeof withdraw>,
      string[],
      string,
    ][] = [
      // name, state it acts from, call, roles allowed, state it leads to
      [
        'schedule',
        'APPROVED',
        (id, token) => schedule(id, token),
        ['SOCIAL_MANAGER', 'APPROVER'],
        'SCHEDULED',
      ],
      [
        'markPublished',
        'APPROVED',
        (id, token) => markPublished(id, 'X', token),
        ['SOCIAL_MANAGER', 'APPROVER'],
        'PUBLISHED',
      ],
      [
        'retract',
        'PUBLISHED',
        (id, token) => retract(id, token),
        ['SOCIAL_MANAGER', 'APPROVER'],
        'RETRACTED',
      ],
      [
        'withdraw',
        'APPROVED',
        (id, token) => withdraw(id, token),
        ['SOCIAL_MANAGER', 'ADMIN'],
        'WITHDRAWN',
      ],
    ];
    const ROLES = [
      'ADMIN',
      'SOCIAL_MANAGER',
      'APPROVER',
      'CONTRIBUTOR',
      'REVIEWER',
      'AUDITOR',
    ] as const;
    const memberWith = (role: (typeof ROLES)[number]): TestMember =>
      ({
        ADMIN: cast.admin,
        SOCIAL_MANAGER: cast.manager,
        APPROVER: cast.approver,
        CONTRIBUTOR: cast.contributor,
        REVIEWER: cast.reviewer,
        AUDITOR: cast.auditor,
      })[role];

    it.each(operations)(
      '%s: FORBIDDEN to roles the design does not name; done by the ones it names',
      async (_name, from, call, allowed, to) => {
        const id = await proposalIn(cast, from);
        for (const role of ROLES.filter((r) => !allowed.includes(r))) {
          await unchanged(cast, id, async () => {
            expect(errorCodes(await call(id, memberWith(role).token))).toEqual(['FORBIDDEN']);
          });
        }
        await unchanged(cast, id, async () => {
          expect(errorCodes(await call(id, outsider.token))).toEqual(['NOT_FOUND']);
        });
        for (const role of allowed) {
          const fresh = await proposalIn(cast, from);
          expect(
            answerOf(await call(fresh, memberWith(role as (typeof ROLES)[number]).token)),
          ).toMatchObject({
            __typename: 'Proposal',
            state: to,
          });
        }
      },
    );

    it('start and end a content freeze: ADMIN and APPROVER only', async () => {
      for (const member of [cast.manager, cast.contributor, cast.reviewer, cast.auditor]) {
        expect(errorCodes(await startFreeze(cast.brand.id, member.token))).toEqual(['FORBIDDEN']);
      }
      // A brand they have no part in does not exist for them.
      expect(errorCodes(await startFreeze(cast.brand.id, outsider.token))).toEqual(['NOT_FOUND']);
      for (const [starter, ender] of [
        [cast.admin, cast.approver],
        [cast.approver, cast.admin],
      ]) {
        expect((await startFreeze(cast.brand.id, starter.token)).errors).toBeUndefined();
        expect(errorCodes(await endFreeze(cast.brand.id, cast.manager.token))).toEqual([
          'FORBIDDEN',
        ]);
        expect((await endFreeze(cast.brand.id, ender.token)).errors).toBeUndefined();
      }
      expect(
        (await app.data(FREEZE, { id: cast.brand.id }, cast.auditor.token)).brand.contentFreeze,
      ).toBeNull();
    });
  });

  describe('a content freeze', () => {
    let cast: Cast;
    let allowedManager: TestMember;
    beforeAll(async () => {
      cast = await castOf();
      allowedManager = await app.fixtures.member(cast.brand.id, ['SOCIAL_MANAGER']);
    });

    it('lets only its allow-list schedule and publish, holds alone, and is gone once ended', async () => {
      const scheduled = await proposalIn(cast, 'SCHEDULED');
      const approved = await proposalIn(cast, 'APPROVED');
      const another = await proposalIn(cast, 'APPROVED');

      const stranger = await startFreeze(cast.brand.id, cast.approver.token, ['usr_nobody']);
      expect(errorCodes(stranger)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(stranger)).toEqual([['input.allowUserIds[0]', 'member']]);

      const started = await startFreeze(
        cast.brand.id,
        cast.approver.token,
        [allowedManager.id],
        'Hurricane landfall',
      );
      expect(started.errors).toBeUndefined();
      expect(
        (await app.data(FREEZE, { id: cast.brand.id }, cast.auditor.token)).brand.contentFreeze,
      ).toEqual({
        reason: 'Hurricane landfall',
        allowedUsers: [{ id: allowedManager.id }],
        startedBy: { id: cast.approver.id },
      });
      expect(await read(scheduled, cast.manager.token)).toMatchObject({
        state: 'APPROVED',
        publishAt: null,
      });

      // Who could otherwise schedule or publish and is not on the list: ContentFreezeActiveError.
      const frozen = {
        __typename: 'ContentFreezeActiveError',
        errorCode: 'CONTENT_FREEZE_ACTIVE',
        freeze: { reason: 'Hurricane landfall', allowedUsers: [{ id: allowedManager.id }] },
      };
      for (const member of [cast.manager, cast.approver]) {
        await unchanged(cast, approved, async () => {
          expect(answerOf(await schedule(approved, member.token))).toMatchObject(frozen);
          expect(answerOf(await markPublished(approved, 'X', member.token))).toMatchObject(frozen);
        });
      }
      // Who could not do it anyway is refused as before.
      await unchanged(cast, approved, async () => {
        expect(errorCodes(await schedule(approved, cast.contributor.token))).toEqual(['FORBIDDEN']);
      });

      // The allow-list may.
      expect(answerOf(await schedule(approved, allowedManager.token))).toMatchObject({
        state: 'SCHEDULED',
      });
      expect(answerOf(await markPublished(approved, 'X', allowedManager.token))).toMatchObject({
        state: 'PUBLISHED',
      });
      expect(
        answerOf(await markPublished(another, 'LINKEDIN', allowedManager.token)),
      ).toMatchObject({
        state: 'PUBLISHED',
      });

      // One freeze at a time.
      await unchanged(cast, another, async () => {
        const second = await startFreeze(cast.brand.id, cast.admin.token, [], 'Another crisis');
        expect(errorCodes(second)).toEqual(['CONFLICT']);
      });
      expect(
        (await app.data(FREEZE, { id: cast.brand.id }, cast.auditor.token)).brand.contentFreeze
          .reason,
      ).toBe('Hurricane landfall');

      expect((await endFreeze(cast.brand.id, cast.admin.token)).errors).toBeUndefined();
      expect(
        (await app.data(FREEZE, { id: cast.brand.id }, cast.auditor.token)).brand.contentFreeze,
      ).toBeNull();
      // Ended: the manager may publish again; rescheduling what the freeze unscheduled takes an approver.
      const afterwards = await proposalIn(cast, 'APPROVED');
      expect(answerOf(await markPublished(afterwards, 'X', cast.manager.token))).toMatchObject({
        state: 'PUBLISHED',
      });
      expect(errorCodes(await schedule(scheduled, cast.manager.token))).toEqual(['FORBIDDEN']);
      expect(answerOf(await schedule(scheduled, cast.approver.token))).toMatchObject({
        state: 'SCHEDULED',
      });
      // Ending when none holds changes nothing.
      const events = (await chain(cast.brand.id)).length;
      expect((await endFreeze(cast.brand.id, cast.admin.token)).errors).toBeUndefined();
      expect((await chain(cast.brand.id)).length).toBe(events);
    });
  });

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
