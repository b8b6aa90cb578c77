import { outboxOf, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const RESULT = `__typename
  ... on Proposal { id state version publishAt currentRevision { contentHash } }
  ... on ErrorResult { errorCode message }
  ... on ContentFreezeActiveError { freeze { reason } }`;
const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) {
  __typename
  ... on Decision { step outcome overridesRecommendation acknowledgedReasons stale approver { email } }
  ... on ErrorResult { errorCode message }
  ... on AcknowledgementRequiredError { reasons }
} }`;
const X_WORDS =
  'Our stores are open as shelters tonight. Every location, every night, until the water recedes.';

/** The approval workflow, end to end, as a brand in a crisis lives it. */
describe('a crisis proposal through approval, a freeze and publication', () => {
  const app = useTestApp(AppModule);
  let brand: TestBrand;
  let admin: TestMember;
  let manager: TestMember;
  let contributor: TestMember;
  let comms: TestMember;
  let leaders: TestMember[];
  let legal: TestMember;

  beforeAll(async () => {
    const f = app.fixtures;
    brand = await f.brand();
    [admin, manager, contributor, comms, legal, ...leaders] = await Promise.all([
      f.member(brand.id, ['ADMIN']),
      f.member(brand.id, ['SOCIAL_MANAGER']),
      f.member(brand.id, ['CONTRIBUTOR']),
      f.member(brand.id, ['REVIEWER']),
      f.member(brand.id, ['APPROVER']),
      f.member(brand.id, ['APPROVER']),
      f.member(brand.id, ['APPROVER']),
      f.member(brand.id, ['APPROVER']),
    ]);
  });

  const decide = (token: string, input: Record<string, unknown>) =>
    app.gql(DECIDE, { input }, token);
  const read = (proposalId: string) =>
    app
      .data(
        `query ($id: ID!) { proposal(id: $id) {
        state publishAt currentRevision { contentHash }
        approvalSteps { name order status requiredApprovals approvals eligibleApprovers { email } }
        decisions { step outcome stale overridesRecommendation revisionNumber approver { email } }
      } }`,
        { id: proposalId },
        manager.token,
      )
      .then((data) => data.proposal);

  it('runs the whole story', async () => {
    // The brand admin sets a three-step policy.
    const policy = await app.data(
      `mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version steps { name quorum minApprovals } } }`,
      {
        input: {
          brandId: brand.id,
          steps: [
            { name: 'Communications review', role: 'REVIEWER', quorum: 'ANY' },
            {
              name: 'Legal',
              approverIds: [legal.id],
              quorum: 'ANY',
              appliesWhen: { riskCategories: ['LEGAL_REGULATORY'] },
            },
            {
              name: 'Leadership',
              approverIds: leaders.map((l) => l.id),
              quorum: 'COUNT',
              minApprovals: 2,
            },
          ],
        },
      },
      admin.token,
    );
    expect(policy.setApprovalPolicy).toEqual({
      version: 2,
      steps: [
        { name: 'Communications review', quorum: 'ANY', minApprovals: 1 },
        { name: 'Legal', quorum: 'ANY', minApprovals: 1 },
        { name: 'Leadership', quorum: 'COUNT', minApprovals: 2 },
      ],
    });

    // The social team builds a CRISIS proposal and recommends HOLD.
    const created = await app.data(
      `mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id currentRevision { contentHash } } }`,
      {
        input: {
          brandId: brand.id,
          title: 'Shelters tonight',
          issue: 'Flood relief',
          stanceType: 'ACTION_ANNOUNCEMENT',
          urgency: 'CRISIS',
          drafts: [{ channel: 'X', body: X_WORDS }],
        },
      },
      manager.token,
    );
    const proposalId: string = created.createProposal.id;
    const firstHash: string = created.createProposal.currentRevision.contentHash;
    await app.data(
      `mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }`,
      {
        input: {
          proposalId,
          kind: 'SURVEY_STAT',
          summary: '70% of consumers say it is important for brands to take a stand',
          survey: { statistic: 70, source: 'Survey' },
        },
      },
      contributor.token,
    );
    await app.data(
      `mutation ($input: AddRiskNoteInput!) { addRiskNote(input: $input) { severity } }`,
      {
        input: {
          proposalId,
          category: 'PERFORMATIVE_ALLYSHIP',
          likelihood: 4,
          impact: 3,
          description: 'Shelters are not staffed yet',
        },
      },
      comms.token,
    );
    await app.data(
      `mutation ($input: SetRecommendationInput!) { setRecommendation(input: $input) { id } }`,
      {
        input: {
          proposalId,
          recommendation: 'HOLD',
          rationale: 'Wait until every shelter is staffed',
        },
      },
      manager.token,
    );
    const submitted = await app.data(
      `mutation ($id: ID!) { submitProposal(proposalId: $id) { ${RESULT} } }`,
      { id: proposalId },
      manager.token,
    );
    expect(submitted.submitProposal).toMatchObject({ __typename: 'Proposal', state: 'IN_REVIEW' });
    expect((await read(proposalId)).approvalSteps).toEqual([
      {
        name: 'Communications review',
        order: 0,
        status: 'ACTIVE',
        requiredApprovals: 1,
        approvals: 0,
        eligibleApprovers: [{ email: comms.email }],
      },
      {
        name: 'Legal',
        order: 1,
        status: 'SKIPPED',
        requiredApprovals: 0,
        approvals: 0,
        eligibleApprovers: [],
      },
      {
        name: 'Leadership',
        order: 2,
        status: 'WAITING',
        requiredApprovals: 0,
        approvals: 0,
        eligibleApprovers: [],
      },
    ]);

    // Every approval overrules the team's HOLD and the HIGH risk: it needs an acknowledgement.
    const acknowledged = {
      acknowledgeRisks: true,
      comment: 'People need shelter tonight; staffing is confirmed by phone',
    };
    expect(
      (
        await decide(comms.token, {
          proposalId,
          outcome: 'APPROVE',
          contentHash: firstHash,
          ...acknowledged,
        })
      ).data?.decide,
    ).toMatchObject({
      __typename: 'Decision',
      overridesRecommendation: true,
    });
    const leader = leaders[0];
    const refused = await decide(leader.token, {
      proposalId,
      outcome: 'APPROVE',
      contentHash: firstHash,
    });
    expect(refused.data?.decide).toEqual({
      __typename: 'AcknowledgementRequiredError',
      errorCode: 'ACKNOWLEDGEMENT_REQUIRED',
      message: expect.any(String),
      reasons: ['The team recommends HOLD', 'An open HIGH risk (PERFORMATIVE_ALLYSHIP, score 12)'],
    });
    const accepted = await decide(leader.token, {
      proposalId,
      outcome: 'APPROVE',
      contentHash: firstHash,
      ...acknowledged,
    });
    expect(accepted.data?.decide).toEqual({
      __typename: 'Decision',
      step: 'Leadership',
      outcome: 'APPROVE',
      overridesRecommendation: true,
      acknowledgedReasons: [
        'The team recommends HOLD',
        'An open HIGH risk (PERFORMATIVE_ALLYSHIP, score 12)',
      ],
      stale: false,
      approver: { email: leader.email },
    });

    // New words make the approvals so far stale and restart the steps.
    const revised = await app.data(
      `mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { ${RESULT} } }`,
      {
        input: {
          proposalId,
          drafts: [{ channel: 'X', body: `${X_WORDS} Find yours: shelters.example.com` }],
        },
      },
      manager.token,
    );
    const secondHash: string = revised.reviseProposal.currentRevision.contentHash;
    const afterRevision = await read(proposalId);
    expect(afterRevision.state).toBe('IN_REVIEW');
    expect(
      afterRevision.approvalSteps.map((s: { status: string; approvals: number }) => [
        s.status,
        s.approvals,
      ]),
    ).toEqual([
      ['ACTIVE', 0],
      ['SKIPPED', 0],
      ['WAITING', 0],
    ]);
    expect(afterRevision.decisions.map((d: { stale: boolean }) => d.stale)).toEqual([true, true]);
    const stale = await decide(leaders[1].token, {
      proposalId,
      outcome: 'APPROVE',
      contentHash: firstHash,
      ...acknowledged,
    });
    expect(stale.data?.decide).toMatchObject({
      __typename: 'StaleRevisionError',
      errorCode: 'STALE_REVISION',
    });

    // The new words are approved: communications, then two of three leaders.
    for (const approver of [comms, leaders[1], leaders[2]]) {
      const decided = await decide(approver.token, {
        proposalId,
        outcome: 'APPROVE',
        contentHash: secondHash,
        ...acknowledged,
      });
      expect(decided.data?.decide.__typename).toBe('Decision');
    }
    expect((await read(proposalId)).state).toBe('APPROVED');

    // Scheduled, then a freeze takes the schedule away; only an approver may schedule it again.
    const publishAt = new Date(Date.now() + 86_400_000).toISOString();
    const schedule = (token: string) =>
      app.gql(
        `mutation ($input: ScheduleInput!) { schedule(input: $input) { ${RESULT} } }`,
        { input: { proposalId, publishAt } },
        token,
      );
    expect((await schedule(manager.token)).data?.schedule).toMatchObject({
      state: 'SCHEDULED',
      publishAt,
    });
    await app.data(
      `mutation ($input: StartContentFreezeInput!) { startContentFreeze(input: $input) { contentFreeze { reason startedBy { email } } } }`,
      { input: { brandId: brand.id, reason: 'A second storm is coming' } },
      leaders[0].token,
    );
    expect(await read(proposalId)).toMatchObject({ state: 'APPROVED', publishAt: null });
    expect((await schedule(manager.token)).data?.schedule).toMatchObject({
      __typename: 'ContentFreezeActiveError',
      errorCode: 'CONTENT_FREEZE_ACTIVE',
      freeze: { reason: 'A second storm is coming' },
    });
    await app.data(
      `mutation ($id: ID!) { endContentFreeze(brandId: $id) { contentFreeze { reason } } }`,
      { id: brand.id },
      admin.token,
    );
    expect((await schedule(manager.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await schedule(leaders[0].token)).data?.schedule).toMatchObject({ state: 'SCHEDULED' });

    // Published on X; the publishing tool can check the exact words.
    const published = await app.data(
      `mutation ($input: MarkPublishedInput!) { markPublished(input: $input) { ${RESULT} } }`,
      { input: { proposalId, channel: 'X', url: 'https://x.example.com/brand/status/1' } },
      manager.token,
    );
    expect(published.markPublished).toMatchObject({ state: 'PUBLISHED' });
    const approvedWords = `${X_WORDS} Find yours: shelters.example.com`;
    const isApproved = async (body: string) =>
      (
        await app.data(
          'query ($b: ID!, $body: String!) { isApprovedContent(brandId: $b, channel: X, body: $body) }',
          { b: brand.id, body },
          manager.token,
        )
      ).isApprovedContent;
    expect(await isApproved(approvedWords)).toBe(true);
    expect(await isApproved(`${approvedWords}  \r\n`)).toBe(true);
    expect(await isApproved(approvedWords.replace('tonight', 'tonite'))).toBe(false);
    expect(await isApproved(X_WORDS)).toBe(false);

    // The record: every override marked, with what the approver saw.
    const chain = await app.auditChain(brand.id);
    const decisions = chain.filter((e) => e.action === 'decision.recorded');
    expect(decisions).toHaveLength(5);
    expect(decisions[1].actorLabel).toBe(leader.email);
    expect(decisions[1].data).toMatchObject({
      step: 'Leadership',
      outcome: 'APPROVE',
      contentHash: firstHash,
      override: {
        acknowledged: [
          'The team recommends HOLD',
          'An open HIGH risk (PERFORMATIVE_ALLYSHIP, score 12)',
        ],
        recommendation: { recommendation: 'HOLD' },
      },
      seen: {
        revision: firstHash,
        evidence: expect.stringMatching(/^[0-9a-f]{64}$/),
        riskNotes: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(chain.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'proposal.submitted',
        'proposal.revised',
        'content_freeze.started',
        'content_freeze.ended',
        'proposal.scheduled',
        'proposal.published',
      ]),
    );
    const outbox = await outboxOf(app.t, brand.id);
    expect(new Set(outbox.map((m) => m.topic))).toEqual(
      new Set([
        'approval.requested',
        'decision.recorded',
        'override.recorded',
        'words.changed',
        'content_freeze.started',
        'content_freeze.ended',
        // The two texts told they are not approved words alert the brand's admins.
        'alert.unapproved_content',
      ]),
    );
  });
});
