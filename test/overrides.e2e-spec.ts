import { OutboxMessageEntity } from '@standpoint/notifications';
import {
  mintDecisionLink,
  RiskNoteOptions,
  TestBrand,
  TestMember,
  TestProposal,
  useTestApp,
} from '@standpoint/testing';
import { DecisionsAgainstTheTeam1796013100000 as PostgresMigration } from '../libs/database/src/migrations/postgres/1796013100000-DecisionsAgainstTheTeam';
import { DecisionsAgainstTheTeam1796013100000 as SqliteMigration } from '../libs/database/src/migrations/sqlite/1796013100000-DecisionsAgainstTheTeam';
import { AppModule } from '../src/app.module';

const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) {
  __typename
  ... on Decision { outcome overridesRecommendation acknowledgedReasons }
  ... on ErrorResult { errorCode }
  ... on AcknowledgementRequiredError { reasons }
} }`;
const RECORD = `query ($id: ID!) { proposal(id: $id) { decisionRecord { lines {
  kind summary
  decision {
    outcome overrideWords
    againstTeam { recommendation revisionNumber }
    acceptedRisks { category score severity description }
    override { acknowledgedReasons }
  }
} } } }`;
const ON_THE_RECORD = { acknowledgeRisks: true, comment: 'We speak anyway, on the record' };

/**
 * Overrides that mean what they say, end to end: going against the team's recommendation and
 * accepting open risks are kept apart in the decision, its audit event, the emails, the decision
 * page and the decision record; the risk of silence is never a reason to acknowledge.
 */
describe('overrides', () => {
  const app = useTestApp(AppModule, { WORKER_INTERVAL_MS: '3600000' });
  let brand: TestBrand;
  let manager: TestMember;
  let approver: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    [manager, approver] = await Promise.all([
      app.fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(brand.id, ['APPROVER']),
    ]);
  });

  /** In review under the default policy (any APPROVER), with the team's recommendation and a risk. */
  const inReview = (title: string, recommendation: string, riskNote?: RiskNoteOptions) =>
    app.fixtures.inReview(brand.id, manager.token, {
      title,
      recommendation: { recommendation, rationale: `The team says ${recommendation}` },
      riskNote: riskNote && { description: `${riskNote.category} as noted`, ...riskNote },
    });
  const decide = async (proposal: TestProposal, input: Record<string, unknown>) =>
    (
      await app.data(
        DECIDE,
        { input: { proposalId: proposal.id, contentHash: proposal.contentHash, ...input } },
        approver.token,
      )
    ).decide;
  const decisionEvent = async (proposal: TestProposal) => {
    const events = await app.proposalAuditEvents(brand.id, proposal.id);
    return events.find((e) => e.action === 'decision.recorded')!.data as Record<string, any>;
  };
  const emails = async (topic: string, title: string) =>
    (
      await app.t.asSystem((ctx) =>
        ctx.em.findBy(OutboxMessageEntity, { brandId: brand.id, topic }),
      )
    ).filter((m) => m.subject?.endsWith(title));
  const recordedDecision = async (proposal: TestProposal) => {
    const lines = (await app.data(RECORD, { id: proposal.id }, manager.token)).proposal
      .decisionRecord.lines;
    return lines.find((l: { kind: string }) => l.kind === 'DECISION');
  };
  /** The decision page of a link for the approver on the current words, as the email carries it. */
  const decisionPage = async (proposal: TestProposal) => {
    const token = await mintDecisionLink(app.t, proposal.id, approver.id);
    const response = await fetch(`${app.t.url}/decide/${token}`);
    expect(response.status).toBe(200);
    return { token, html: (await response.text()).replace(/\s+/g, ' ') };
  };

  it('approving what the team recommended, past an open HIGH risk, accepts the risk and overrules nobody', async () => {
    const title = 'Risk accepted';
    const proposal = await inReview(title, 'PROCEED', {
      category: 'BACKLASH',
      likelihood: 4,
      impact: 3,
    });
    const page = await decisionPage(proposal);
    expect(page.html).toContain(
      'Approving now is recorded as an override:</strong> you approved and accepted 1 open high risk: backlash (score 12).',
    );
    expect(page.html).toContain('An open HIGH risk (BACKLASH, score 12)');
    expect(page.html).toContain('you rejected although the team recommended PROCEED');

    expect(await decide(proposal, { outcome: 'APPROVE' })).toEqual({
      __typename: 'AcknowledgementRequiredError',
      errorCode: 'ACKNOWLEDGEMENT_REQUIRED',
      reasons: ['An open HIGH risk (BACKLASH, score 12)'],
    });
    expect(await decide(proposal, { outcome: 'APPROVE', ...ON_THE_RECORD })).toEqual({
      __typename: 'Decision',
      outcome: 'APPROVE',
      overridesRecommendation: false,
      acknowledgedReasons: ['An open HIGH risk (BACKLASH, score 12)'],
    });

    expect(await decisionEvent(proposal)).toMatchObject({
      againstTeam: null,
      acceptedRisks: [
        {
          riskNoteId: expect.stringMatching(/^rsk_/),
          category: 'BACKLASH',
          likelihood: 4,
          impact: 3,
          score: 12,
          severity: 'HIGH',
          description: 'BACKLASH as noted',
        },
      ],
      override: {
        acknowledged: ['An open HIGH risk (BACKLASH, score 12)'],
        recommendation: null,
      },
    });
    const [override] = await emails('override.recorded', title);
    expect(override.body).toContain('Open risks accepted: Risk accepted');
    expect(override.body).toContain(
      `Member ${approver.email} approved and accepted 1 open high risk: backlash (score 12), and acknowledged it on the record.`,
    );
    expect(override.body).not.toMatch(/overruled/i);
    const [notice] = await emails('decision.recorded', title);
    expect(notice.body).toContain('approved and accepted 1 open high risk: backlash (score 12).');
    expect(await recordedDecision(proposal)).toMatchObject({
      summary:
        'Approved on step Approval, revision 1 — OVERRIDE: approved and accepted 1 open high risk: backlash (score 12)',
      decision: {
        againstTeam: null,
        acceptedRisks: [
          { category: 'BACKLASH', score: 12, severity: 'HIGH', description: 'BACKLASH as noted' },
        ],
      },
    });
  });

  it('approving with an open CRITICAL risk of silence needs nothing acknowledged: it is a reason to speak', async () => {
    const title = 'Silence is the risk';
    const proposal = await inReview(title, 'PROCEED', {
      category: 'SILENCE_RISK',
      likelihood: 5,
      impact: 5,
    });
    const page = await decisionPage(proposal);
    expect(page.html).not.toContain('override-warning');
    expect(page.html).toContain('Silence risk');

    expect(await decide(proposal, { outcome: 'APPROVE' })).toEqual({
      __typename: 'Decision',
      outcome: 'APPROVE',
      overridesRecommendation: false,
      acknowledgedReasons: [],
    });
    expect(await decisionEvent(proposal)).toMatchObject({
      againstTeam: null,
      acceptedRisks: [],
      override: null,
    });
    expect(await emails('override.recorded', title)).toEqual([]);
    expect(await recordedDecision(proposal)).toMatchObject({
      summary: 'Approved on step Approval, revision 1',
      decision: { overrideWords: null, override: null },
    });
  });

  it('rejecting against PROCEED is recorded as going against the team, with nothing to acknowledge', async () => {
    const title = 'Rejected against the team';
    const proposal = await inReview(title, 'PROCEED', {
      category: 'BACKLASH',
      likelihood: 5,
      impact: 5,
    });
    expect(await decide(proposal, { outcome: 'REJECT', comment: 'Not now' })).toEqual({
      __typename: 'Decision',
      outcome: 'REJECT',
      overridesRecommendation: true,
      acknowledgedReasons: [],
    });
    expect(await decisionEvent(proposal)).toMatchObject({
      againstTeam: { recommendation: 'PROCEED', revisionNumber: 1, current: true },
      acceptedRisks: [],
      override: null,
    });
    const words = `Member ${approver.email} rejected although the team recommended PROCEED.`;
    const [notice] = await emails('decision.recorded', title);
    expect(notice.body).toContain(words);
    const [override] = await emails('override.recorded', title);
    expect(override.recipientUserId).toBe(manager.id);
    expect(override.body).toContain('Your recommendation was overruled: Rejected against the team');
    expect(override.body).toContain(words);
    expect(await recordedDecision(proposal)).toMatchObject({
      summary:
        'Rejected on step Approval, revision 1 — AGAINST THE TEAM: rejected although the team recommended PROCEED',
      decision: { againstTeam: { recommendation: 'PROCEED' }, override: null },
    });
  });

  it('approving against HOLD overrules the team, and says so everywhere', async () => {
    const title = 'Approved against the hold';
    const proposal = await inReview(title, 'HOLD');
    const page = await decisionPage(proposal);
    expect(page.html).toContain('you approved against the team&#39;s HOLD recommendation.');
    expect(page.html).not.toContain('rejection-note');

    expect((await decide(proposal, { outcome: 'APPROVE' })).reasons).toEqual([
      'The team recommends HOLD',
    ]);
    expect(await decide(proposal, { outcome: 'APPROVE', ...ON_THE_RECORD })).toMatchObject({
      overridesRecommendation: true,
      acknowledgedReasons: ['The team recommends HOLD'],
    });
    expect(await decisionEvent(proposal)).toMatchObject({
      againstTeam: { recommendation: 'HOLD', rationale: 'The team says HOLD', revisionNumber: 1 },
      acceptedRisks: [],
      override: { recommendation: { recommendation: 'HOLD' } },
    });
    const [override] = await emails('override.recorded', title);
    expect(override.body).toContain(
      "approved against the team's HOLD recommendation, and acknowledged it on the record.",
    );
    expect((await recordedDecision(proposal)).summary).toBe(
      "Approved on step Approval, revision 1 — OVERRIDE: approved against the team's HOLD recommendation",
    );
  });

  it.each([
    ['REQUEST_CHANGES', 'PROCEED'],
    ['REJECT', 'DO_NOT_POST'],
    ['APPROVE', 'PROCEED_WITH_CHANGES'],
  ])('%s with %s recommended goes against nobody', async (outcome, recommendation) => {
    const title = `${outcome} with ${recommendation}`;
    const proposal = await inReview(title, recommendation);
    expect(await decide(proposal, { outcome, comment: 'As the team said' })).toMatchObject({
      __typename: 'Decision',
      overridesRecommendation: false,
      acknowledgedReasons: [],
    });
    expect(await decisionEvent(proposal)).toMatchObject({ againstTeam: null, override: null });
    expect(await emails('override.recorded', title)).toEqual([]);
  });

  it('corrects the marks of decisions recorded before the rule, by migration', async () => {
    const riskOnly = await inReview('Old risk-only approval', 'PROCEED', {
      category: 'SAFETY',
      likelihood: 4,
      impact: 4,
    });
    const againstHold = await inReview('Old approval against HOLD', 'HOLD');
    const againstProceed = await inReview('Old rejection against PROCEED', 'PROCEED');
    const withHold = await inReview('Old rejection with HOLD', 'HOLD');
    await decide(riskOnly, { outcome: 'APPROVE', ...ON_THE_RECORD });
    await decide(againstHold, { outcome: 'APPROVE', ...ON_THE_RECORD });
    await decide(againstProceed, { outcome: 'REJECT', comment: 'No' });
    await decide(withHold, { outcome: 'REJECT', comment: 'Agreed' });
    // As the earlier rule marked them: every acknowledged approval, and no rejection.
    const { dataSource } = app.t;
    const postgres = dataSource.options.type === 'postgres';
    const mark = (proposal: TestProposal, value: boolean) =>
      dataSource.query(
        `UPDATE "decision" SET "overridesRecommendation" = ${postgres ? '$1' : '?'} WHERE "proposalId" = ${postgres ? '$2' : '?'}`,
        [postgres ? value : Number(value), proposal.id],
      );
    await mark(riskOnly, true);
    await mark(againstProceed, false);

    const runner = dataSource.createQueryRunner();
    try {
      await (postgres ? new PostgresMigration() : new SqliteMigration()).up(runner);
    } finally {
      await runner.release();
    }
    const marked = async (proposal: TestProposal) =>
      (
        await app.data(
          'query ($id: ID!) { proposal(id: $id) { decisions { overridesRecommendation } } }',
          { id: proposal.id },
          manager.token,
        )
      ).proposal.decisions.map(
        (d: { overridesRecommendation: boolean }) => d.overridesRecommendation,
      );
    expect(await marked(riskOnly)).toEqual([false]);
    expect(await marked(againstHold)).toEqual([true]);
    expect(await marked(againstProceed)).toEqual([true]);
    expect(await marked(withHold)).toEqual([false]);
  });
});
