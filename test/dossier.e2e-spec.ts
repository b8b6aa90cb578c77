import { errorCodes, TestBrand, TestMember, useTestApp, fieldsOf } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const ADD_EVIDENCE =
  'mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id status } }';

describe('the evidence dossier', () => {
  const app = useTestApp(AppModule);
  let brand: TestBrand;
  let manager: TestMember;
  let contributor: TestMember;
  let reviewer: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
    contributor = await app.fixtures.member(brand.id, ['CONTRIBUTOR']);
    reviewer = await app.fixtures.member(brand.id, ['REVIEWER']);
  });

  const createProposal = async (issue = 'Pride', brandId = brand.id, token = manager.token) => {
    const response = await app.gql(
      'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
      {
        input: {
          brandId,
          title: `On ${issue}`,
          issue,
          stanceType: 'STATEMENT',
          urgency: 'ELEVATED',
          drafts: [{ channel: 'THREADS', body: 'Our words' }],
        },
      },
      token,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.createProposal.id as string;
  };
  const addEvidence = (input: Record<string, unknown>, token = contributor.token) =>
    app.gql(ADD_EVIDENCE, { input }, token);
  const eventsFor = async (entityId: string) =>
    (await app.auditChain(brand.id)).filter((e) => e.entityId === entityId);

  describe('validation says what is wrong', () => {
    let proposalId: string;
    beforeAll(async () => {
      proposalId = await createProposal();
    });

    it.each([
      [
        'sentiment shares that do not sum to 1',
        {
          kind: 'LISTENING_SNAPSHOT',
          listening: {
            query: 'q',
            periodStart: '2026-01-01T00:00:00Z',
            periodEnd: '2026-01-02T00:00:00Z',
            mentionCount: 10,
            positiveShare: 0.5,
            neutralShare: 0.3,
            negativeShare: 0.3,
          },
        },
        [['input.listening', 'sumsToOne']],
      ],
      [
        'a period that ends before it starts',
        {
          kind: 'LISTENING_SNAPSHOT',
          listening: {
            query: 'q',
            periodStart: '2026-01-02T00:00:00Z',
            periodEnd: '2026-01-01T00:00:00Z',
            mentionCount: 10,
            positiveShare: 0.5,
            neutralShare: 0.3,
            negativeShare: 0.2,
          },
        },
        [['input.listening.periodEnd', 'after']],
      ],
      [
        'a percentage over 100',
        { kind: 'SURVEY_STAT', survey: { statistic: 120, source: 'Poll' } },
        [['input.survey.statistic', 'range']],
      ],
      [
        'a sample size of 0',
        { kind: 'SURVEY_STAT', survey: { statistic: 70, sampleSize: 0, source: 'Poll' } },
        [['input.survey.sampleSize', 'positive']],
      ],
      [
        'a source URL that is not http(s)',
        { kind: 'NEWS_COVERAGE', sourceUrl: 'ftp://news.example.com/story' },
        [['input.sourceUrl', 'isUrl']],
      ],
      [
        'a detail object of another kind',
        { kind: 'SURVEY_STAT', comment: { quote: 'hm' } },
        [
          ['input.survey', 'required'],
          ['input.comment', 'absent'],
        ],
      ],
    ])('refuses %s', async (_name, input, fields) => {
      const response = await addEvidence({ proposalId, summary: 'Evidence', ...input });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(response)).toEqual(fields);
    });
  });

  it('lets the author correct evidence, keeping the old version as history, on the record', async () => {
    const proposalId = await createProposal();
    const added = await addEvidence({
      proposalId,
      kind: 'SURVEY_STAT',
      summary: '65% want brands to act',
      survey: { statistic: 65, source: 'Poll A' },
    });
    const evidenceId = added.data!.addEvidence.id;
    const byOther = await app.gql(
      'mutation ($input: CorrectEvidenceInput!) { correctEvidence(input: $input) { id } }',
      {
        input: {
          evidenceId,
          reason: 'typo',
          summary: 'x',
          survey: { statistic: 70, source: 'Poll A' },
        },
      },
      reviewer.token,
    );
    expect(errorCodes(byOther)).toEqual(['FORBIDDEN']);

    const corrected = await app.gql(
      'mutation ($input: CorrectEvidenceInput!) { correctEvidence(input: $input) { id status ... on SurveyStat { statistic } corrects { id status statusReason } } }',
      {
        input: {
          evidenceId,
          reason: 'The report says 70, not 65',
          summary: '70% want brands to act',
          survey: { statistic: 70, source: 'Poll A' },
        },
      },
      contributor.token,
    );
    expect(corrected.data?.correctEvidence).toEqual({
      id: expect.not.stringMatching(evidenceId),
      status: 'ACTIVE',
      statistic: 70,
      corrects: { id: evidenceId, status: 'CORRECTED', statusReason: 'The report says 70, not 65' },
    });
    const read = await app.gql(
      'query ($id: ID!) { proposal(id: $id) { evidence { summary } history: evidence(includeHistory: true) { summary status } } }',
      { id: proposalId },
      manager.token,
    );
    expect(read.data?.proposal).toEqual({
      evidence: [{ summary: '70% want brands to act' }],
      history: [
        { summary: '65% want brands to act', status: 'CORRECTED' },
        { summary: '70% want brands to act', status: 'ACTIVE' },
      ],
    });
    const [event] = await eventsFor(corrected.data!.correctEvidence.id);
    expect(event.action).toBe('evidence.corrected');
    expect(event.data).toMatchObject({
      corrects: evidenceId,
      reason: 'The report says 70, not 65',
      before: { summary: '65% want brands to act', details: { statistic: 65 } },
      after: { summary: '70% want brands to act', details: { statistic: 70 } },
    });
  });

  it('lets the author withdraw evidence with a reason; it leaves the dossier but not the record', async () => {
    const proposalId = await createProposal();
    const added = await addEvidence({
      proposalId,
      kind: 'EMPLOYEE_SENTIMENT',
      summary: 'Staff forum is supportive',
    });
    const evidenceId = added.data!.addEvidence.id;
    const withdraw = () =>
      app.gql(
        'mutation ($input: WithdrawEvidenceInput!) { withdrawEvidence(input: $input) { status statusReason } }',
        { input: { evidenceId, reason: 'The forum thread was about another topic' } },
        contributor.token,
      );
    expect((await withdraw()).data?.withdrawEvidence).toEqual({
      status: 'WITHDRAWN',
      statusReason: 'The forum thread was about another topic',
    });
    expect(errorCodes(await withdraw())).toEqual(['CONFLICT']);
    const read = await app.gql(
      'query ($id: ID!) { proposal(id: $id) { evidence { id } all: evidence(includeHistory: true) { id status } } }',
      { id: proposalId },
      manager.token,
    );
    expect(read.data?.proposal).toEqual({
      evidence: [],
      all: [{ id: evidenceId, status: 'WITHDRAWN' }],
    });
    expect(
      (await eventsFor(evidenceId)).map((e) => [e.action, (e.data as { reason?: string }).reason]),
    ).toEqual([
      ['evidence.added', undefined],
      ['evidence.withdrawn', 'The forum thread was about another topic'],
    ]);
  });

  it('records the reaction to a post only once the proposal is published', async () => {
    const proposalId = await createProposal();
    const response = await addEvidence({
      proposalId,
      kind: 'POST_PUBLISH_REACTION',
      summary: 'Well received',
      reaction: { reception: 'PRAISED' },
    });
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.errors?.[0].message).toMatch(/once it is published/);
  });

  it('keeps risk scores and the matrix on the open notes, and records each status change once', async () => {
    const proposalId = await createProposal();
    const note = await app.gql(
      'mutation ($input: AddRiskNoteInput!) { addRiskNote(input: $input) { id score severity } }',
      {
        input: {
          proposalId,
          category: 'BACKLASH',
          likelihood: 5,
          impact: 4,
          description: 'Boycott calls',
        },
      },
      reviewer.token,
    );
    expect(note.data?.addRiskNote).toMatchObject({ score: 20, severity: 'CRITICAL' });
    const update = (input: Record<string, unknown>) =>
      app.gql(
        'mutation ($input: UpdateRiskNoteInput!) { updateRiskNote(input: $input) { status mitigation } }',
        { input: { riskNoteId: note.data!.addRiskNote.id, ...input } },
        reviewer.token,
      );
    expect(
      (await update({ status: 'MITIGATED', mitigation: 'Pre-brief partner organisations' })).data
        ?.updateRiskNote,
    ).toEqual({
      status: 'MITIGATED',
      mitigation: 'Pre-brief partner organisations',
    });
    await update({ status: 'MITIGATED' });
    const read = await app.gql(
      'query ($id: ID!) { proposal(id: $id) { riskScore riskMatrix } }',
      { id: proposalId },
      manager.token,
    );
    expect(read.data?.proposal).toEqual({
      riskScore: 0,
      riskMatrix: [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]),
    });
    const events = await eventsFor(note.data!.addRiskNote.id);
    expect(events.map((e) => e.action)).toEqual(['risk_note.added', 'risk_note.updated']);
    expect(events[1].data).toMatchObject({
      before: { status: 'OPEN', mitigation: null },
      after: { status: 'MITIGATED', mitigation: 'Pre-brief partner organisations' },
    });
  });

  it('shows a recommendation made on an older revision as such', async () => {
    const proposalId = await createProposal();
    await app.gql(
      'mutation ($input: SetRecommendationInput!) { setRecommendation(input: $input) { id } }',
      { input: { proposalId, recommendation: 'PROCEED', rationale: 'Clear support' } },
      manager.token,
    );
    await app.gql(
      'mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { __typename } }',
      { input: { proposalId, drafts: [{ channel: 'THREADS', body: 'New words' }] } },
      manager.token,
    );
    const read = await app.gql(
      'query ($id: ID!) { proposal(id: $id) { recommendation { recommendation revisionNumber current } } }',
      { id: proposalId },
      manager.token,
    );
    expect(read.data?.proposal.recommendation).toEqual({
      recommendation: 'PROCEED',
      revisionNumber: 1,
      current: false,
    });
  });

  it('resolves @mentions of brand members, and of nobody else', async () => {
    const proposalId = await createProposal();
    const other = await app.fixtures.brand();
    const outsider = await app.fixtures.member(other.id, ['REVIEWER']);
    const response = await app.gql(
      'mutation ($input: AddCommentInput!) { addComment(input: $input) { body author { email } mentions { email } } }',
      {
        input: {
          proposalId,
          body: `@${reviewer.email.toUpperCase()} and @${outsider.email}, please check the numbers.`,
        },
      },
      contributor.token,
    );
    expect(response.data?.addComment).toMatchObject({
      author: { email: contributor.email },
      mentions: [{ email: reviewer.email }],
    });
  });

  describe('the precedent library', () => {
    let sourceProposal: string;
    let precedentId: string;

    beforeAll(async () => {
      sourceProposal = await createProposal('Voting rights');
      const added = await addEvidence({
        proposalId: sourceProposal,
        kind: 'PEER_BRAND_EXAMPLE',
        summary: 'A peer matched employee donations',
        peerExample: {
          peerBrand: 'Northwind',
          action: 'Matched employee donations 2:1',
          reception: 'PRAISED',
        },
      });
      precedentId = added.data!.addEvidence.id;
    });

    const precedents = (filter: Record<string, unknown>) =>
      app.gql(
        'query ($brandId: ID!, $filter: PrecedentFilter) { precedents(brandId: $brandId, filter: $filter) { totalCount edges { node { issue reception proposalId evidence { id } } } } }',
        { brandId: brand.id, filter },
        manager.token,
      );

    it('finds peer examples by issue and reception', async () => {
      expect(
        (await precedents({ issue: 'voting RIGHTS', receptions: ['PRAISED'] })).data?.precedents,
      ).toEqual({
        totalCount: 1,
        edges: [
          {
            node: {
              issue: 'Voting rights',
              reception: 'PRAISED',
              proposalId: sourceProposal,
              evidence: { id: precedentId },
            },
          },
        ],
      });
      expect(
        (await precedents({ issue: 'Voting rights', receptions: ['BOYCOTTED'] })).data?.precedents
          .totalCount,
      ).toBe(0);
    });

    it('cites a precedent into another proposal as evidence linked to its origin, once', async () => {
      const proposalId = await createProposal('Voting rights');
      const cite = () =>
        app.gql(
          'mutation ($input: CitePrecedentInput!) { citePrecedent(input: $input) { id kind summary citedFrom { id } } }',
          { input: { proposalId, precedentId } },
          contributor.token,
        );
      const first = await cite();
      expect(first.data?.citePrecedent).toEqual({
        id: expect.any(String),
        kind: 'PEER_BRAND_EXAMPLE',
        summary: 'A peer matched employee donations',
        citedFrom: { id: precedentId },
      });
      expect((await cite()).data?.citePrecedent.id).toBe(first.data?.citePrecedent.id);
      expect((await precedents({ issue: 'Voting rights' })).data?.precedents.totalCount).toBe(1);
    });

    it('matches the issue without regard to case, beyond ASCII too', async () => {
      const proposalId = await createProposal('Égalité salariale');
      await addEvidence({
        proposalId,
        kind: 'PEER_BRAND_EXAMPLE',
        summary: 'A peer published its pay gap',
        peerExample: { peerBrand: 'Contoso', action: 'Published its pay gap', reception: 'MIXED' },
      });
      const found = await precedents({ issue: 'ÉGALITÉ SALARIALE' });
      expect(
        found.data?.precedents.edges.map((e: { node: { issue: string } }) => e.node.issue),
      ).toEqual(['Égalité salariale']);
    });

    it('does not cite evidence into the proposal that holds it', async () => {
      const response = await app.gql(
        'mutation ($input: CitePrecedentInput!) { citePrecedent(input: $input) { id } }',
        { input: { proposalId: sourceProposal, precedentId } },
        contributor.token,
      );
      expect(errorCodes(response)).toEqual(['CONFLICT']);
    });

    it('never cites across brands', async () => {
      const otherBrand = await app.fixtures.brand();
      const otherManager = await app.fixtures.member(otherBrand.id, ['SOCIAL_MANAGER']);
      const proposalId = await createProposal('Voting rights', otherBrand.id, otherManager.token);
      const response = await app.gql(
        'mutation ($input: CitePrecedentInput!) { citePrecedent(input: $input) { id } }',
        { input: { proposalId, precedentId } },
        otherManager.token,
      );
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    });
  });
});
