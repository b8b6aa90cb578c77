import { TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const EVIDENCE_FIELDS = `
  __typename kind summary sourceUrl addedBy { email }
  ... on ListeningSnapshot { query periodStart periodEnd mentionCount positiveShare neutralShare negativeShare }
  ... on SurveyStat { statistic sampleSize source }
  ... on PeerBrandExample { peerBrand action reception }
  ... on AudienceComment { quote platform }
`;

/** The social team builds its case; the proposal reads back exactly so. */
describe('a crisis proposal and its dossier', () => {
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

  const addEvidence = (input: Record<string, unknown>) =>
    app.data(
      'mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
      { input },
      contributor.token,
    );

  it('reads back exactly as the team built it, with its risk matrix', async () => {
    const xDraft =
      'We stand with the families affected. Our stores are open as shelters tonight. #Together';
    const linkedInDraft =
      'Tonight our stores open as shelters.\r\nWe are working with local relief partners.   ';
    const { createProposal } = await app.data(
      `mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id state version } }`,
      {
        input: {
          brandId: brand.id,
          title: 'Respond to the flooding in the valley',
          issue: 'Climate disaster relief',
          stanceType: 'ACTION_ANNOUNCEMENT',
          urgency: 'CRISIS',
          drafts: [
            { channel: 'X', body: xDraft },
            {
              channel: 'LINKEDIN',
              body: linkedInDraft,
              mediaUrls: ['https://cdn.example.com/shelter.jpg'],
            },
          ],
        },
      },
      manager.token,
    );
    expect(createProposal).toEqual({
      id: expect.stringMatching(/^prp_/),
      state: 'DRAFT',
      version: 1,
    });
    const proposalId = createProposal.id;

    await addEvidence({
      proposalId,
      kind: 'LISTENING_SNAPSHOT',
      summary: 'Mentions of the flood spiked; sentiment towards brands helping is positive',
      listening: {
        query: 'flood AND (brand OR store)',
        periodStart: '2026-11-28T00:00:00.000Z',
        periodEnd: '2026-11-29T00:00:00.000Z',
        mentionCount: 48210,
        positiveShare: 0.52,
        neutralShare: 0.31,
        negativeShare: 0.17,
      },
    });
    await addEvidence({
      proposalId,
      kind: 'SURVEY_STAT',
      summary: '70% of consumers say it is important for brands to take a stand',
      sourceUrl: 'https://research.example.org/brand-stance-2026',
      survey: { statistic: 70, sampleSize: 2000, source: 'Brand Stance Survey 2026' },
    });
    await addEvidence({
      proposalId,
      kind: 'PEER_BRAND_EXAMPLE',
      summary: 'A peer posted a hashtag without doing anything',
      peerExample: {
        peerBrand: 'Rival Outfitters',
        action: 'Posted #PrayForTheValley only',
        reception: 'CALLED_OUT_PERFORMATIVE',
      },
    });
    await addEvidence({
      proposalId,
      kind: 'AUDIENCE_COMMENT',
      summary: 'Customers ask what we will actually do',
      comment: { quote: 'Words are cheap. Open your doors.', platform: 'Instagram' },
    });
    await app.data(
      `mutation ($input: AddRiskNoteInput!) { addRiskNote(input: $input) { score severity } }`,
      {
        input: {
          proposalId,
          category: 'PERFORMATIVE_ALLYSHIP',
          likelihood: 4,
          impact: 3,
          description: 'Announcing shelters before they are staffed would read as performative',
          mitigation: 'Confirm staffing with store managers first',
        },
      },
      reviewer.token,
    );
    await app.data(
      `mutation ($input: SetRecommendationInput!) { setRecommendation(input: $input) { id } }`,
      {
        input: {
          proposalId,
          recommendation: 'HOLD',
          rationale: 'Hold until every shelter is staffed',
        },
      },
      manager.token,
    );

    const { proposal } = await app.data(
      `query ($id: ID!) { proposal(id: $id) {
          title issue stanceType urgency state version author { email } brand { slug }
          currentRevision { number contentHash createdBy { email } drafts { channel body mediaUrls length limit } }
          revisions { number }
          evidence { ${EVIDENCE_FIELDS} }
          riskNotes { category likelihood impact score severity description mitigation status author { email } }
          riskScore riskMatrix
          recommendation { recommendation rationale revisionNumber current by { email } }
          comments { body }
      } }`,
      { id: proposalId },
      reviewer.token,
    );
    const matrix = [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);
    matrix[3][2] = 1;
    expect(proposal).toEqual({
      title: 'Respond to the flooding in the valley',
      issue: 'Climate disaster relief',
      stanceType: 'ACTION_ANNOUNCEMENT',
      urgency: 'CRISIS',
      state: 'DRAFT',
      version: 1,
      author: { email: manager.email },
      brand: { slug: brand.slug },
      currentRevision: {
        number: 1,
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        createdBy: { email: manager.email },
        drafts: [
          {
            channel: 'LINKEDIN',
            body: 'Tonight our stores open as shelters.\nWe are working with local relief partners.',
            mediaUrls: ['https://cdn.example.com/shelter.jpg'],
            length: 79,
            limit: 3000,
          },
          { channel: 'X', body: xDraft, mediaUrls: [], length: xDraft.length, limit: 280 },
        ],
      },
      revisions: [{ number: 1 }],
      evidence: [
        {
          __typename: 'ListeningSnapshot',
          kind: 'LISTENING_SNAPSHOT',
          summary: 'Mentions of the flood spiked; sentiment towards brands helping is positive',
          sourceUrl: null,
          addedBy: { email: contributor.email },
          query: 'flood AND (brand OR store)',
          periodStart: '2026-11-28T00:00:00.000Z',
          periodEnd: '2026-11-29T00:00:00.000Z',
          mentionCount: 48210,
          positiveShare: 0.52,
          neutralShare: 0.31,
          negativeShare: 0.17,
        },
        {
          __typename: 'SurveyStat',
          kind: 'SURVEY_STAT',
          summary: '70% of consumers say it is important for brands to take a stand',
          sourceUrl: 'https://research.example.org/brand-stance-2026',
          addedBy: { email: contributor.email },
          statistic: 70,
          sampleSize: 2000,
          source: 'Brand Stance Survey 2026',
        },
        {
          __typename: 'PeerBrandExample',
          kind: 'PEER_BRAND_EXAMPLE',
          summary: 'A peer posted a hashtag without doing anything',
          sourceUrl: null,
          addedBy: { email: contributor.email },
          peerBrand: 'Rival Outfitters',
          action: 'Posted #PrayForTheValley only',
          reception: 'CALLED_OUT_PERFORMATIVE',
        },
        {
          __typename: 'AudienceComment',
          kind: 'AUDIENCE_COMMENT',
          summary: 'Customers ask what we will actually do',
          sourceUrl: null,
          addedBy: { email: contributor.email },
          quote: 'Words are cheap. Open your doors.',
          platform: 'Instagram',
        },
      ],
      riskNotes: [
        {
          category: 'PERFORMATIVE_ALLYSHIP',
          likelihood: 4,
          impact: 3,
          score: 12,
          severity: 'HIGH',
          description: 'Announcing shelters before they are staffed would read as performative',
          mitigation: 'Confirm staffing with store managers first',
          status: 'OPEN',
          author: { email: reviewer.email },
        },
      ],
      riskScore: 12,
      riskMatrix: matrix,
      recommendation: {
        recommendation: 'HOLD',
        rationale: 'Hold until every shelter is staffed',
        revisionNumber: 1,
        current: true,
        by: { email: manager.email },
      },
      comments: [],
    });

    expect(
      (await app.proposalAuditEvents(brand.id, proposalId)).map((e) => [e.action, e.actorLabel]),
    ).toEqual([
      ['proposal.created', manager.email],
      ['evidence.added', contributor.email],
      ['evidence.added', contributor.email],
      ['evidence.added', contributor.email],
      ['evidence.added', contributor.email],
      ['risk_note.added', reviewer.email],
      ['recommendation.set', manager.email],
    ]);
  });
});
