import { verifyChain } from '@standpoint/audit';
import {
  errorCodes,
  fieldsOf,
  ProposalOptions,
  TestBrand,
  TestMember,
  TestProposal,
  useTestApp,
} from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const RESULT = `__typename
  ... on Proposal { id state version currentRevision { number contentHash } }
  ... on ErrorResult { errorCode message }
  ... on InvalidTransitionError { fromState transition }
  ... on IncompleteProposalError { missing }`;
const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) {
  __typename
  ... on Decision {
    id step outcome stale revisionNumber contentHash overridesRecommendation acknowledgedReasons
    approver { id }
  }
  ... on ErrorResult { errorCode message }
  ... on InvalidTransitionError { fromState transition }
  ... on StaleRevisionError { currentContentHash }
  ... on AcknowledgementRequiredError { reasons }
} }`;
const READ = `query ($id: ID!) { proposal(id: $id) {
  state version currentRevision { number contentHash }
  approvalSteps { name order status requiredApprovals approvals eligibleApprovers { id } }
  decisions { id step outcome stale revisionNumber approver { id } }
} }`;
const SET_POLICY = `mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) {
  version steps { name role approverIds quorum minApprovals }
} }`;

const ACK = { acknowledgeRisks: true, comment: 'Seen the warning; we go ahead on the record' };
const NOT_THE_HASH = 'f'.repeat(64);

interface Step {
  name: string;
  order: number;
  status: string;
  requiredApprovals: number;
  approvals: number;
  eligibleApprovers: { id: string }[];
}
interface DecisionRow {
  id: string;
  step: string;
  outcome: string;
  stale: boolean;
  revisionNumber: number;
  approver: { id: string };
}
interface Read {
  state: string;
  version: number;
  currentRevision: { number: number; contentHash: string };
  approvalSteps: Step[];
  decisions: DecisionRow[];
}

/** Decisions through GraphQL: the refusal order, the outcomes, submission, policies, concurrency. */
describe('decisions', () => {
  const app = useTestApp(AppModule);

  // ---- helpers, each speaking GraphQL as a client would ----

  const decide = (token: string, input: Record<string, unknown>) =>
    app.gql(DECIDE, { input }, token);
  const decided = async (token: string, input: Record<string, unknown>) => {
    const response = await decide(token, input);
    expect(response.errors).toBeUndefined();
    return response.data!.decide;
  };
  /** Approves the proposal's current words, one member after the other. */
  const approveBy = async (members: TestMember[], proposal: TestProposal) => {
    for (const member of members) {
      await decided(member.token, {
        proposalId: proposal.id,
        outcome: 'APPROVE',
        contentHash: proposal.contentHash,
      });
    }
  };
  const read = async (proposalId: string, token: string): Promise<Read> =>
    (await app.data(READ, { id: proposalId }, token)).proposal;
  const chain = (brandId: string) => app.auditChain(brandId);

  const setPolicy = (brandId: string, steps: unknown[], token: string) =>
    app.gql(SET_POLICY, { input: { brandId, steps } }, token);

  const submit = (proposalId: string, token: string) =>
    app.gql(
      `mutation ($id: ID!) { submitProposal(proposalId: $id) { ${RESULT} } }`,
      { id: proposalId },
      token,
    );
  /**
   * A brand whose policy asks Communications (any REVIEWER) and then Leadership (two of three
   * APPROVERs), with an author holding `authorRoles`.
   */
  const twoStepBrand = async (authorRoles: string[]) => {
    const f = app.fixtures;
    const brand = await f.brand();
    const [admin, author, reviewer, ...approvers] = await Promise.all([
      f.member(brand.id, ['ADMIN']),
      f.member(brand.id, authorRoles),
      f.member(brand.id, ['REVIEWER']),
      f.member(brand.id, ['APPROVER']),
      f.member(brand.id, ['APPROVER']),
      f.member(brand.id, ['APPROVER']),
    ]);
    const response = await setPolicy(
      brand.id,
      [
        { name: 'Communications', role: 'REVIEWER', quorum: 'ANY' },
        { name: 'Leadership', role: 'APPROVER', quorum: 'COUNT', minApprovals: 2 },
      ],
      admin.token,
    );
    expect(response.errors).toBeUndefined();
    return { brand, admin, author, reviewer, approvers };
  };
  const submitted = async (proposalId: string, token: string) =>
    expect(await app.fixtures.submit(proposalId, token)).toBe('IN_REVIEW');
  const revise = async (proposalId: string, body: string, token: string): Promise<string> => {
    const data = await app.data(
      `mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { ${RESULT} } }`,
      { input: { proposalId, drafts: [{ channel: 'X', body }] } },
      token,
    );
    expect(data.reviseProposal.__typename).toBe('Proposal');
    return data.reviseProposal.currentRevision.contentHash;
  };
  /** Created, evidenced, recommended and submitted by `manager`. */
  const inReview = (
    brandId: string,
    manager: TestMember,
    recommendation = 'PROCEED',
    options: ProposalOptions = {},
  ) =>
    app.fixtures.inReview(brandId, manager.token, {
      ...options,
      recommendation: { recommendation },
    });

  describe('the refusal order', () => {
    let brand: TestBrand;
    let admin: TestMember;
    let author: TestMember;
    let reviewer: TestMember;
    let approvers: TestMember[];

    beforeAll(async () => {
      // The author also holds APPROVER: but for authorship, they would be eligible on Leadership.
      ({ brand, admin, author, reviewer, approvers } = await twoStepBrand([
        'SOCIAL_MANAGER',
        'APPROVER',
      ]));
    });

    /** In review with Communications satisfied, so that Leadership (APPROVER, 2) is active. */
    const atLeadership = async (recommendation = 'PROCEED') => {
      const proposal = await inReview(brand.id, author, recommendation);
      const first = await decided(reviewer.token, {
        proposalId: proposal.id,
        outcome: 'APPROVE',
        contentHash: proposal.contentHash,
        ...ACK,
      });
      expect(first.__typename).toBe('Decision');
      const steps = (await read(proposal.id, author.token)).approvalSteps;
      expect(steps.map((s) => [s.name, s.status])).toEqual([
        ['Communications', 'SATISFIED'],
        ['Leadership', 'ACTIVE'],
      ]);
      return proposal;
    };

    it('answers InvalidTransitionError naming the state and decide when the proposal is not in review', async () => {
      const draft = await app.fixtures.proposal(brand.id, author.token);
      const before = await app.proposalAuditEvents(brand.id, draft.id);
      const refused = await decided(approvers[0].token, {
        proposalId: draft.id,
        outcome: 'APPROVE',
        contentHash: draft.contentHash,
      });
      expect(refused).toEqual({
        __typename: 'InvalidTransitionError',
        errorCode: 'INVALID_TRANSITION',
        fromState: 'DRAFT',
        transition: 'decide',
        message: expect.stringContaining('DRAFT'),
      });
      expect(refused.message).toContain('decide');
      expect(await read(draft.id, author.token)).toMatchObject({
        state: 'DRAFT',
        version: 1,
        decisions: [],
      });
      expect(await app.proposalAuditEvents(brand.id, draft.id)).toHaveLength(before.length);
    });

    it('answers StaleRevisionError with the current content hash for other words', async () => {
      const proposal = await inReview(brand.id, author);
      const refused = await decided(reviewer.token, {
        proposalId: proposal.id,
        outcome: 'APPROVE',
        contentHash: NOT_THE_HASH,
      });
      expect(refused).toEqual({
        __typename: 'StaleRevisionError',
        errorCode: 'STALE_REVISION',
        message: expect.any(String),
        currentContentHash: proposal.contentHash,
      });

      // After a revision, the hash the approver saw is no longer the current one.
      const newHash = await revise(proposal.id, 'New words for the same stance', author.token);
      const old = await decided(reviewer.token, {
        proposalId: proposal.id,
        outcome: 'APPROVE',
        contentHash: proposal.contentHash,
      });
      expect(old).toMatchObject({ __typename: 'StaleRevisionError', currentContentHash: newHash });
      expect((await read(proposal.id, author.token)).decisions).toEqual([]);
    });

    it('answers SelfApprovalError to the author, who holds the role the step names', async () => {
      const proposal = await atLeadership();
      const leadership = (await read(proposal.id, author.token)).approvalSteps[1];
      expect(leadership.eligibleApprovers.map((u) => u.id).sort()).toEqual(
        approvers.map((a) => a.id).sort(),
      );
      for (const outcome of ['APPROVE', 'REJECT', 'REQUEST_CHANGES']) {
        const refused = await decided(author.token, {
          proposalId: proposal.id,
          outcome,
          contentHash: proposal.contentHash,
          comment: 'My own proposal',
        });
        expect(refused).toEqual({
          __typename: 'SelfApprovalError',
          errorCode: 'SELF_APPROVAL',
          message: expect.any(String),
        });
      }
      expect((await read(proposal.id, author.token)).decisions).toHaveLength(1);
    });

    it('answers NotAnApproverError to a member the active step does not name', async () => {
      const proposal = await inReview(brand.id, author);
      // An approver is named by Leadership, not by the active Communications step; an admin by neither.
      for (const member of [approvers[0], admin]) {
        expect(
          await decided(member.token, {
            proposalId: proposal.id,
            outcome: 'APPROVE',
            contentHash: proposal.contentHash,
          }),
        ).toEqual({
          __typename: 'NotAnApproverError',
          errorCode: 'NOT_AN_APPROVER',
          message: expect.any(String),
        });
      }
      // Once Leadership is active, the reviewer who approved Communications is no longer named.
      await decided(reviewer.token, {
        proposalId: proposal.id,
        outcome: 'APPROVE',
        contentHash: proposal.contentHash,
      });
      expect(
        await decided(reviewer.token, {
          proposalId: proposal.id,
          outcome: 'REJECT',
          contentHash: proposal.contentHash,
          comment: 'Second thoughts',
        }),
      ).toMatchObject({ __typename: 'NotAnApproverError', errorCode: 'NOT_AN_APPROVER' });
      const after = await read(proposal.id, author.token);
      expect(after.state).toBe('IN_REVIEW');
      expect(after.decisions).toHaveLength(1);
    });

    it('answers AlreadyDecidedError to a second decision on the same step and words', async () => {
      const proposal = await atLeadership();
      const first = await decided(approvers[0].token, {
        proposalId: proposal.id,
        outcome: 'APPROVE',
        contentHash: proposal.contentHash,
      });
      expect(first).toMatchObject({ __typename: 'Decision', step: 'Leadership', stale: false });
      for (const input of [
        { outcome: 'APPROVE' },
        { outcome: 'REJECT', comment: 'Changed my mind' },
        { outcome: 'REQUEST_CHANGES', comment: 'Changed my mind' },
      ]) {
        expect(
          await decided(approvers[0].token, {
            proposalId: proposal.id,
            contentHash: proposal.contentHash,
            ...input,
          }),
        ).toEqual({
          __typename: 'AlreadyDecidedError',
          errorCode: 'ALREADY_DECIDED',
          message: expect.any(String),
        });
      }
      const after = await read(proposal.id, author.token);
      expect(after.state).toBe('IN_REVIEW');
      expect(after.approvalSteps[1]).toMatchObject({
        status: 'ACTIVE',
        approvals: 1,
        requiredApprovals: 2,
      });
      expect(after.decisions).toHaveLength(2);
    });

    it('answers AcknowledgementRequiredError with the reasons to an override without acknowledgement and comment', async () => {
      const proposal = await atLeadership('HOLD');
      await app.fixtures.riskNote(proposal.id, reviewer.token, {
        category: 'BACKLASH',
        likelihood: 4,
        impact: 3,
      });
      const reasons = ['The team recommends HOLD', 'An open HIGH risk (BACKLASH, score 12)'];
      for (const input of [
        {},
        { acknowledgeRisks: true },
        { acknowledgeRisks: true, comment: '   ' },
        { comment: 'We go ahead' },
        { acknowledgeRisks: false, comment: 'We go ahead' },
      ]) {
        expect(
          await decided(approvers[0].token, {
            proposalId: proposal.id,
            outcome: 'APPROVE',
            contentHash: proposal.contentHash,
            ...input,
          }),
        ).toEqual({
          __typename: 'AcknowledgementRequiredError',
          errorCode: 'ACKNOWLEDGEMENT_REQUIRED',
          message: expect.any(String),
          reasons,
        });
      }
      expect((await read(proposal.id, author.token)).decisions).toHaveLength(1);

      // Acknowledged with a reason, it is recorded as an override, forever.
      expect(
        await decided(approvers[0].token, {
          proposalId: proposal.id,
          outcome: 'APPROVE',
          contentHash: proposal.contentHash,
          ...ACK,
        }),
      ).toMatchObject({
        __typename: 'Decision',
        overridesRecommendation: true,
        acknowledgedReasons: reasons,
      });
      // Asking for changes overrules nothing: no acknowledgement needed.
      expect(
        await decided(approvers[1].token, {
          proposalId: proposal.id,
          outcome: 'REQUEST_CHANGES',
          contentHash: proposal.contentHash,
          comment: 'Tone it down',
        }),
      ).toMatchObject({
        __typename: 'Decision',
        outcome: 'REQUEST_CHANGES',
        overridesRecommendation: false,
      });
    });

    it('answers the first refusal that applies when several do', async () => {
      const hold = await atLeadership('HOLD');
      const answer = async (member: TestMember, input: Record<string, unknown>, proposal = hold) =>
        (
          await decided(member.token, {
            proposalId: proposal.id,
            outcome: 'APPROVE',
            contentHash: proposal.contentHash,
            ...input,
          })
        ).errorCode;

      // The author with a stale hash: the words changed comes first.
      expect(await answer(author, { contentHash: NOT_THE_HASH })).toBe('STALE_REVISION');
      // A member not named, with a stale hash.
      expect(await answer(reviewer, { contentHash: NOT_THE_HASH })).toBe('STALE_REVISION');
      // A member not named on an override without acknowledgement: not an approver first.
      expect(await answer(reviewer, {})).toBe('NOT_AN_APPROVER');
      // The author, who is not named by an active Communications step either: self-approval first.
      const fresh = await inReview(brand.id, author, 'HOLD');
      expect(await answer(author, {}, fresh)).toBe('SELF_APPROVAL');
      // Already decided, then a stale hash: stale first; an unacknowledged override: already decided first.
      await decided(approvers[0].token, {
        proposalId: hold.id,
        outcome: 'APPROVE',
        contentHash: hold.contentHash,
        ...ACK,
      });
      expect(await answer(approvers[0], { contentHash: NOT_THE_HASH })).toBe('STALE_REVISION');
      expect(await answer(approvers[0], {})).toBe('ALREADY_DECIDED');

      // Not in review beats everything: a draft, decided on by its author with a stale hash.
      const draft = await app.fixtures.proposal(brand.id, author.token);
      expect(await answer(author, { contentHash: NOT_THE_HASH }, draft)).toBe('INVALID_TRANSITION');
      // And an approved proposal, by a member already decided, with a stale hash.
      await decided(approvers[1].token, {
        proposalId: hold.id,
        outcome: 'APPROVE',
        contentHash: hold.contentHash,
        ...ACK,
      });
      expect((await read(hold.id, author.token)).state).toBe('APPROVED');
      const closed = await decided(approvers[0].token, {
        proposalId: hold.id,
        outcome: 'APPROVE',
        contentHash: NOT_THE_HASH,
      });
      expect(closed).toMatchObject({
        errorCode: 'INVALID_TRANSITION',
        fromState: 'APPROVED',
        transition: 'decide',
      });
      expect((await read(hold.id, author.token)).decisions).toHaveLength(3);
    });

    it('refuses to request changes or reject without a comment, naming input.comment', async () => {
      const proposal = await inReview(brand.id, author);
      for (const outcome of ['REQUEST_CHANGES', 'REJECT']) {
        for (const comment of [undefined, '', '  \n ']) {
          const response = await decide(reviewer.token, {
            proposalId: proposal.id,
            outcome,
            contentHash: proposal.contentHash,
            ...(comment === undefined ? {} : { comment }),
          });
          expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
          expect(fieldsOf(response)).toEqual([['input.comment', 'required']]);
        }
      }
      const after = await read(proposal.id, author.token);
      expect(after).toMatchObject({ state: 'IN_REVIEW', decisions: [] });
    });
  });

  describe('what a decision does to the proposal', () => {
    let brand: TestBrand;
    let manager: TestMember;
    let reviewer: TestMember;
    let approvers: TestMember[];

    beforeAll(async () => {
      ({ brand, author: manager, reviewer, approvers } = await twoStepBrand(['SOCIAL_MANAGER']));
    });

    it('one REJECT rejects, and no decision can follow', async () => {
      const proposal = await inReview(brand.id, manager);
      await approveBy([reviewer, approvers[0]], proposal);
      const rejected = await decided(approvers[1].token, {
        proposalId: proposal.id,
        outcome: 'REJECT',
        contentHash: proposal.contentHash,
        comment: 'Not our fight',
      });
      expect(rejected).toMatchObject({
        __typename: 'Decision',
        outcome: 'REJECT',
        step: 'Leadership',
      });
      expect((await read(proposal.id, manager.token)).state).toBe('REJECTED');

      for (const [member, outcome] of [
        [approvers[2], 'APPROVE'],
        [approvers[2], 'REJECT'],
        [approvers[1], 'APPROVE'],
      ] as const) {
        expect(
          await decided(member.token, {
            proposalId: proposal.id,
            outcome,
            contentHash: proposal.contentHash,
            comment: 'Late',
          }),
        ).toMatchObject({
          __typename: 'InvalidTransitionError',
          fromState: 'REJECTED',
          transition: 'decide',
        });
      }
      const resubmit = await submit(proposal.id, manager.token);
      expect(resubmit.data?.submitProposal).toMatchObject({
        fromState: 'REJECTED',
        transition: 'submit',
      });
      const events = await app.proposalAuditEvents(brand.id, proposal.id);
      const decisions = events.filter((e) => e.action === 'decision.recorded');
      expect(decisions.map((e) => (e.data as { proposalState: unknown }).proposalState)).toEqual([
        { from: 'IN_REVIEW', to: 'IN_REVIEW' },
        { from: 'IN_REVIEW', to: 'IN_REVIEW' },
        { from: 'IN_REVIEW', to: 'REJECTED' },
      ]);
    });

    it('one REQUEST_CHANGES sends it back; revised and resubmitted, a new round starts over', async () => {
      const proposal = await inReview(brand.id, manager);
      await approveBy([reviewer, approvers[0]], proposal);
      const changes = await decided(approvers[1].token, {
        proposalId: proposal.id,
        outcome: 'REQUEST_CHANGES',
        contentHash: proposal.contentHash,
        comment: 'Name the partner charities',
      });
      expect(changes).toMatchObject({
        __typename: 'Decision',
        outcome: 'REQUEST_CHANGES',
        stale: false,
      });
      expect((await read(proposal.id, manager.token)).state).toBe('CHANGES_REQUESTED');
      expect(
        await decided(approvers[2].token, {
          proposalId: proposal.id,
          outcome: 'APPROVE',
          contentHash: proposal.contentHash,
        }),
      ).toMatchObject({
        __typename: 'InvalidTransitionError',
        fromState: 'CHANGES_REQUESTED',
        transition: 'decide',
      });

      const newHash = await revise(
        proposal.id,
        'We stand with them, with Trevor Project and GLAAD.',
        manager.token,
      );
      await app.fixtures.recommendation(proposal.id, manager.token, { recommendation: 'PROCEED' });
      await submitted(proposal.id, manager.token);

      const round2 = await read(proposal.id, manager.token);
      expect(round2.state).toBe('IN_REVIEW');
      expect(round2.approvalSteps.map((s) => [s.name, s.status, s.approvals])).toEqual([
        ['Communications', 'ACTIVE', 0],
        ['Leadership', 'WAITING', 0],
      ]);
      expect(round2.decisions.map((d) => [d.outcome, d.stale, d.revisionNumber])).toEqual([
        ['APPROVE', true, 1],
        ['APPROVE', true, 1],
        ['REQUEST_CHANGES', true, 1],
      ]);

      // Everyone decides again on the new words, the earlier approvers included.
      for (const member of [reviewer, approvers[0], approvers[1]]) {
        expect(
          await decided(member.token, {
            proposalId: proposal.id,
            outcome: 'APPROVE',
            contentHash: newHash,
          }),
        ).toMatchObject({ __typename: 'Decision', stale: false, revisionNumber: 2 });
      }
      const approved = await read(proposal.id, manager.token);
      expect(approved.state).toBe('APPROVED');
      expect(approved.approvalSteps.map((s) => [s.status, s.approvals])).toEqual([
        ['SATISFIED', 1],
        ['SATISFIED', 2],
      ]);
      expect(approved.decisions.map((d) => d.stale)).toEqual([
        true,
        true,
        true,
        false,
        false,
        false,
      ]);
    });

    it('a resubmission without new words still starts a new round: earlier approvals do not count', async () => {
      const proposal = await inReview(brand.id, manager);
      await approveBy([reviewer, approvers[0]], proposal);
      await decided(approvers[1].token, {
        proposalId: proposal.id,
        outcome: 'REQUEST_CHANGES',
        contentHash: proposal.contentHash,
        comment: 'Let us talk first',
      });
      await submitted(proposal.id, manager.token);
      const round2 = await read(proposal.id, manager.token);
      expect(round2.approvalSteps.map((s) => [s.status, s.approvals])).toEqual([
        ['ACTIVE', 0],
        ['WAITING', 0],
      ]);
      expect(round2.decisions.map((d) => d.stale)).toEqual([true, true, true]);
      await approveBy([reviewer, approvers[0]], proposal);
      // One current approval on Leadership: not yet two.
      expect((await read(proposal.id, manager.token)).approvalSteps[1]).toMatchObject({
        status: 'ACTIVE',
        approvals: 1,
        requiredApprovals: 2,
      });
    });
  });

  describe('submission', () => {
    let brand: TestBrand;
    let manager: TestMember;
    let reviewer: TestMember;
    let crisisDesk: TestMember;
    let approver: TestMember;

    beforeAll(async () => {
      const f = app.fixtures;
      brand = await f.brand();
      let admin: TestMember;
      [admin, manager, reviewer, crisisDesk, approver] = await Promise.all([
        f.member(brand.id, ['ADMIN']),
        f.member(brand.id, ['SOCIAL_MANAGER']),
        f.member(brand.id, ['REVIEWER']),
        f.member(brand.id, ['APPROVER']),
        f.member(brand.id, ['APPROVER']),
      ]);
      const response = await setPolicy(
        brand.id,
        [
          { name: 'Communications', role: 'REVIEWER', quorum: 'ANY' },
          {
            name: 'Crisis desk',
            approverIds: [crisisDesk.id],
            quorum: 'ANY',
            appliesWhen: { urgencies: ['CRISIS'] },
          },
          {
            name: 'Legal',
            approverIds: [crisisDesk.id],
            quorum: 'ANY',
            appliesWhen: { riskCategories: ['LEGAL_REGULATORY'] },
          },
          { name: 'Leadership', approverIds: [approver.id], quorum: 'ANY' },
        ],
        admin.token,
      );
      expect(response.errors).toBeUndefined();
    });

    const missingOf = async (proposalId: string) => {
      const response = await submit(proposalId, manager.token);
      expect(response.errors).toBeUndefined();
      const answer = response.data!.submitProposal;
      expect(answer).toMatchObject({
        __typename: 'IncompleteProposalError',
        errorCode: 'INCOMPLETE_PROPOSAL',
      });
      return answer.missing as string[];
    };

    it('lists exactly what is missing, and a revision makes the recommendation missing again', async () => {
      const proposal = await app.fixtures.proposal(brand.id, manager.token);
      expect(await missingOf(proposal.id)).toEqual([
        'at least one piece of evidence',
        'a team recommendation on the current revision',
      ]);
      await app.fixtures.evidence(proposal.id, manager.token);
      expect(await missingOf(proposal.id)).toEqual([
        'a team recommendation on the current revision',
      ]);
      await app.fixtures.recommendation(proposal.id, manager.token, { recommendation: 'PROCEED' });
      await revise(proposal.id, 'Other words', manager.token);
      expect(await missingOf(proposal.id)).toEqual([
        'a team recommendation on the current revision',
      ]);
      expect(await read(proposal.id, manager.token)).toMatchObject({
        state: 'DRAFT',
        approvalSteps: [],
      });
      await app.fixtures.recommendation(proposal.id, manager.token, { recommendation: 'PROCEED' });
      await submitted(proposal.id, manager.token);

      const again = await submit(proposal.id, manager.token);
      expect(again.data?.submitProposal).toMatchObject({
        __typename: 'InvalidTransitionError',
        fromState: 'IN_REVIEW',
        transition: 'submit',
      });
    });

    it('needs a draft unless the stance is NO_PUBLIC_STATEMENT', async () => {
      const wordless = await app.fixtures.proposal(brand.id, manager.token, { drafts: [] });
      expect(await missingOf(wordless.id)).toEqual([
        'a draft for at least one channel',
        'at least one piece of evidence',
        'a team recommendation on the current revision',
      ]);
      const silence = await app.fixtures.proposal(brand.id, manager.token, {
        drafts: [],
        stanceType: 'NO_PUBLIC_STATEMENT',
      });
      expect(await missingOf(silence.id)).toEqual([
        'at least one piece of evidence',
        'a team recommendation on the current revision',
      ]);
    });

    it('lists a step whose condition does not apply as SKIPPED', async () => {
      const routine = await inReview(brand.id, manager);
      expect((await read(routine.id, manager.token)).approvalSteps).toEqual([
        {
          name: 'Communications',
          order: 0,
          status: 'ACTIVE',
          requiredApprovals: 1,
          approvals: 0,
          eligibleApprovers: [{ id: reviewer.id }],
        },
        {
          name: 'Crisis desk',
          order: 1,
          status: 'SKIPPED',
          requiredApprovals: 0,
          approvals: 0,
          eligibleApprovers: [],
        },
        {
          name: 'Legal',
          order: 2,
          status: 'SKIPPED',
          requiredApprovals: 0,
          approvals: 0,
          eligibleApprovers: [],
        },
        {
          name: 'Leadership',
          order: 3,
          status: 'WAITING',
          requiredApprovals: 0,
          approvals: 0,
          eligibleApprovers: [],
        },
      ]);
      // Approving Communications passes over the skipped steps to Leadership.
      await decided(reviewer.token, {
        proposalId: routine.id,
        outcome: 'APPROVE',
        contentHash: routine.contentHash,
      });
      expect((await read(routine.id, manager.token)).approvalSteps.map((s) => s.status)).toEqual([
        'SATISFIED',
        'SKIPPED',
        'SKIPPED',
        'ACTIVE',
      ]);
      // The crisis desk is not asked: a skipped step names nobody.
      expect(
        await decided(crisisDesk.token, {
          proposalId: routine.id,
          outcome: 'APPROVE',
          contentHash: routine.contentHash,
        }),
      ).toMatchObject({ __typename: 'NotAnApproverError' });

      const crisis = await inReview(brand.id, manager, 'PROCEED', { urgency: 'CRISIS' });
      expect((await read(crisis.id, manager.token)).approvalSteps.map((s) => s.status)).toEqual([
        'ACTIVE',
        'WAITING',
        'SKIPPED',
        'WAITING',
      ]);
    });

    it('approves a NO_PUBLIC_STATEMENT proposal without drafts, and it ends at APPROVED', async () => {
      const silence = await inReview(brand.id, manager, 'PROCEED', {
        stanceType: 'NO_PUBLIC_STATEMENT',
        drafts: [],
      });
      await decided(reviewer.token, {
        proposalId: silence.id,
        outcome: 'APPROVE',
        contentHash: silence.contentHash,
      });
      expect(
        await decided(approver.token, {
          proposalId: silence.id,
          outcome: 'APPROVE',
          contentHash: silence.contentHash,
        }),
      ).toMatchObject({ __typename: 'Decision', stale: false });
      const approved = await read(silence.id, manager.token);
      expect(approved.state).toBe('APPROVED');

      const schedule = await app.gql(
        `mutation ($input: ScheduleInput!) { schedule(input: $input) { ${RESULT} } }`,
        {
          input: {
            proposalId: silence.id,
            publishAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
        manager.token,
      );
      expect(schedule.errors).toBeUndefined();
      expect(schedule.data!.schedule).toEqual({
        __typename: 'InvalidTransitionError',
        errorCode: 'INVALID_TRANSITION',
        message: expect.stringContaining('APPROVED'),
        fromState: 'APPROVED',
        transition: 'schedule',
      });
      expect(await read(silence.id, manager.token)).toMatchObject({
        state: 'APPROVED',
        version: approved.version,
      });
    });
  });

  describe('setApprovalPolicy', () => {
    let brand: TestBrand;
    let admin: TestMember;
    let manager: TestMember;
    let auditor: TestMember;
    let approvers: TestMember[];
    let stranger: TestMember;

    beforeAll(async () => {
      const f = app.fixtures;
      brand = await f.brand();
      const elsewhere = await f.brand();
      [admin, manager, auditor, stranger, ...approvers] = await Promise.all([
        f.member(brand.id, ['ADMIN']),
        f.member(brand.id, ['SOCIAL_MANAGER']),
        f.member(brand.id, ['AUDITOR']),
        f.member(elsewhere.id, ['APPROVER']),
        f.member(brand.id, ['APPROVER']),
        f.member(brand.id, ['APPROVER']),
      ]);
    });

    it('is for the brand admin only', async () => {
      const steps = [{ name: 'Leadership', role: 'APPROVER', quorum: 'ANY' }];
      for (const member of [manager, approvers[0], auditor]) {
        expect(errorCodes(await setPolicy(brand.id, steps, member.token))).toEqual(['FORBIDDEN']);
      }
      const policy = await app.data(
        `query ($id: ID!) { brand(id: $id) { approvalPolicy { version } } }`,
        { id: brand.id },
        admin.token,
      );
      expect(policy.brand.approvalPolicy.version).toBe(1);
    });

    it('names an approver who is not a member by the path of the id', async () => {
      const response = await setPolicy(
        brand.id,
        [
          { name: 'Communications', role: 'APPROVER', quorum: 'ANY' },
          {
            name: 'Leadership',
            approverIds: [approvers[0].id, stranger.id, 'usr_does_not_exist'],
            quorum: 'ANY',
          },
          { name: 'Audit', approverIds: [auditor.id, approvers[1].id], quorum: 'ANY' },
        ],
        admin.token,
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(response)).toEqual([
        ['input.steps[1].approverIds[1]', 'member'],
        ['input.steps[1].approverIds[2]', 'member'],
        ['input.steps[2].approverIds[0]', 'member'],
      ]);
    });

    it('refuses a COUNT larger than the eligible set, naming minApprovals', async () => {
      const response = await setPolicy(
        brand.id,
        [
          {
            name: 'Leadership',
            approverIds: approvers.map((a) => a.id),
            quorum: 'COUNT',
            minApprovals: 3,
          },
        ],
        admin.token,
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(response)).toEqual([['input.steps[0].minApprovals', 'fits']]);
      expect(response.errors![0].message).toContain('input.steps[0].minApprovals');
    });

    it('keeps a submitted proposal on the policy version it was submitted under', async () => {
      const v2 = await app.data(
        SET_POLICY,
        {
          input: {
            brandId: brand.id,
            steps: [{ name: 'Leadership', approverIds: [approvers[0].id], quorum: 'ANY' }],
          },
        },
        admin.token,
      );
      expect(v2.setApprovalPolicy.version).toBe(2);
      const pinned = await inReview(brand.id, manager);

      const v3 = await app.data(
        SET_POLICY,
        {
          input: {
            brandId: brand.id,
            steps: [
              { name: 'Board', approverIds: [approvers[1].id], quorum: 'ANY' },
              { name: 'Everyone', role: 'APPROVER', quorum: 'ALL' },
            ],
          },
        },
        admin.token,
      );
      expect(v3.setApprovalPolicy.version).toBe(3);

      const expected = [
        {
          name: 'Leadership',
          order: 0,
          status: 'ACTIVE',
          requiredApprovals: 1,
          approvals: 0,
          eligibleApprovers: [{ id: approvers[0].id }],
        },
      ];
      expect((await read(pinned.id, manager.token)).approvalSteps).toEqual(expected);
      // A revision restarts the same steps: the old definition still holds.
      const newHash = await revise(pinned.id, 'Words after the policy changed', manager.token);
      expect((await read(pinned.id, manager.token)).approvalSteps).toEqual(expected);
      expect(
        await decided(approvers[1].token, {
          proposalId: pinned.id,
          outcome: 'APPROVE',
          contentHash: newHash,
        }),
      ).toMatchObject({ __typename: 'NotAnApproverError' });
      expect(
        await decided(approvers[0].token, {
          proposalId: pinned.id,
          outcome: 'APPROVE',
          contentHash: newHash,
        }),
      ).toMatchObject({ __typename: 'Decision', step: 'Leadership' });
      expect((await read(pinned.id, manager.token)).state).toBe('APPROVED');

      // A proposal submitted now gets the new version.
      const current = await inReview(brand.id, manager);
      expect(
        (await read(current.id, manager.token)).approvalSteps.map((s) => [s.name, s.status]),
      ).toEqual([
        ['Board', 'ACTIVE'],
        ['Everyone', 'WAITING'],
      ]);
    });
  });

  describe('under concurrency', () => {
    let brand: TestBrand;
    let manager: TestMember;
    let approvers: TestMember[];

    beforeAll(async () => {
      const f = app.fixtures;
      brand = await f.brand();
      const admin = await f.member(brand.id, ['ADMIN']);
      manager = await f.member(brand.id, ['SOCIAL_MANAGER']);
      // Each member is signed in (argon2): ten at a time.
      approvers = [];
      for (let batch = 0; batch < 5; batch++) {
        approvers.push(
          ...(await Promise.all(
            Array.from({ length: 10 }, () => f.member(brand.id, ['APPROVER'])),
          )),
        );
      }
      const response = await setPolicy(
        brand.id,
        [{ name: 'Everyone', approverIds: approvers.map((a) => a.id), quorum: 'ALL' }],
        admin.token,
      );
      expect(response.errors).toBeUndefined();
    }, 120_000);

    it('counts 50 approvals at the same moment exactly, and approves exactly once', async () => {
      const proposal = await inReview(brand.id, manager);
      expect((await read(proposal.id, manager.token)).approvalSteps).toEqual([
        expect.objectContaining({ status: 'ACTIVE', requiredApprovals: 50, approvals: 0 }),
      ]);

      const answers = await Promise.all(
        approvers.map((a) =>
          decide(a.token, {
            proposalId: proposal.id,
            outcome: 'APPROVE',
            contentHash: proposal.contentHash,
          }),
        ),
      );
      expect(answers.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(answers.map((r) => r.data!.decide.__typename)).toEqual(
        approvers.map(() => 'Decision'),
      );

      const after = await read(proposal.id, manager.token);
      expect(after.state).toBe('APPROVED');
      expect(after.decisions).toHaveLength(50);
      expect(new Set(after.decisions.map((d) => d.approver.id))).toEqual(
        new Set(approvers.map((a) => a.id)),
      );
      expect(after.approvalSteps).toEqual([
        expect.objectContaining({ status: 'SATISFIED', requiredApprovals: 50, approvals: 50 }),
      ]);

      const events = await app.proposalAuditEvents(brand.id, proposal.id);
      expect(events.filter((e) => e.action === 'proposal.submitted')).toHaveLength(1);
      const decisionEvents = events.filter((e) => e.action === 'decision.recorded');
      expect(decisionEvents).toHaveLength(50);
      const data = decisionEvents.map(
        (e) =>
          e.data as {
            proposalState: { from: string; to: string };
            approvals: { before: number; after: number };
          },
      );
      expect(data.filter((d) => d.proposalState.to === 'APPROVED')).toEqual([
        expect.objectContaining({ proposalState: { from: 'IN_REVIEW', to: 'APPROVED' } }),
      ]);
      expect(data.filter((d) => d.proposalState.to !== 'IN_REVIEW')).toHaveLength(1);
      // Each counted the ones before it: 0, 1, ..., 49.
      expect(data.map((d) => d.approvals.before).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i),
      );
      // Since the submission: the submission itself and one event per decision, nothing else.
      const submittedAt = events.findIndex((e) => e.action === 'proposal.submitted');
      expect(events.slice(submittedAt).map((e) => e.action)).toEqual([
        'proposal.submitted',
        ...approvers.map(() => 'decision.recorded'),
      ]);

      const all = await chain(brand.id);
      expect(verifyChain(all)).toMatchObject({
        valid: true,
        checkedEvents: all.length,
        firstInvalidSeq: null,
      });
    });

    it('never counts a decision racing a revision for the new words', async () => {
      const outcomes = new Set<string>();
      for (let race = 0; race < 4; race++) {
        const proposal = await inReview(brand.id, manager);
        const racers = approvers.slice(race * 10, race * 10 + 10);
        const newBody = `New words, race ${race}`;
        const revision = () =>
          app.gql(
            `mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { ${RESULT} } }`,
            { input: { proposalId: proposal.id, drafts: [{ channel: 'X', body: newBody }] } },
            manager.token,
          );
        const decisions = racers.map(
          (a) => () =>
            decide(a.token, {
              proposalId: proposal.id,
              outcome: 'APPROVE',
              contentHash: proposal.contentHash,
            }),
        );
        // The revision is sent after a few of the decisions, more each race: both orders get a turn.
        const at = race * 3;
        const responses = await Promise.all(
          [...decisions.slice(0, at), revision, ...decisions.slice(at)].map((send) => send()),
        );
        const revised = responses[at];
        const answers = responses.filter((_, i) => i !== at);
        expect(revised.errors).toBeUndefined();
        expect(revised.data!.reviseProposal).toMatchObject({
          __typename: 'Proposal',
          currentRevision: { number: 2 },
        });
        const newHash: string = revised.data!.reviseProposal.currentRevision.contentHash;

        const after = await read(proposal.id, manager.token);
        expect(after.state).toBe('IN_REVIEW');
        expect(after.currentRevision).toEqual({ number: 2, contentHash: newHash });
        expect(after.approvalSteps).toEqual([
          expect.objectContaining({ status: 'ACTIVE', approvals: 0 }),
        ]);
        for (const answer of answers) {
          expect(answer.errors).toBeUndefined();
          const result = answer.data!.decide;
          outcomes.add(result.__typename);
          if (result.__typename === 'Decision') {
            // It landed first, on the old words: now stale.
            expect(result).toMatchObject({ revisionNumber: 1, contentHash: proposal.contentHash });
            expect(after.decisions.find((d) => d.id === result.id)).toMatchObject({
              stale: true,
              revisionNumber: 1,
            });
          } else {
            expect(result).toMatchObject({
              __typename: 'StaleRevisionError',
              currentContentHash: newHash,
            });
          }
        }
        const landed = answers.filter((a) => a.data!.decide.__typename === 'Decision').length;
        expect(after.decisions).toHaveLength(landed);
        expect(after.decisions.every((d) => d.stale && d.revisionNumber === 1)).toBe(true);
      }
      // Not asserted: which of the two orders the races happened to take.
      expect([...outcomes].every((t) => ['Decision', 'StaleRevisionError'].includes(t))).toBe(true);
      const all = await chain(brand.id);
      expect(verifyChain(all).valid).toBe(true);
    });
  });
});
