import { errorCodes, fieldsOf, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';
import { DECIDE, FREEZE, publicationClient, SHELTERS, URL_OF } from './publication-client';

/**
 * After approval: scheduling, publication, withdrawal, retraction, freezes. The lifecycle as a
 * whole, under random operations, is publication-lifecycle.e2e-spec.ts.
 */
describe('publication', () => {
  const app = useTestApp(AppModule);
  const {
    read,
    chain,
    schedule,
    markPublished,
    withdraw,
    retract,
    startFreeze,
    endFreeze,
    answerOf,
  } = publicationClient(app);

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
});
