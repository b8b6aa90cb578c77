import { TypeOrmLogger } from '@standpoint/database';
import { createHash } from 'node:crypto';
import { errorCodes, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const RECORD = `query ($id: ID!) { proposal(id: $id) { decisionRecord {
  proposalId title state
  lines {
    seq hash at action kind actorLabel summary revisionNumber reason
    state { from to }
    revision { number contentHash drafts { channel body } changes { channel change parts { kind text } } }
    evidence { evidenceId kind summary }
    riskNote { category severity status }
    recommendation { recommendation rationale revisionNumber }
    decision {
      approverLabel step outcome revisionNumber contentHash stale
      seen { revision evidence riskNotes }
      teamRecommendation { recommendation revisionNumber }
      override { acknowledgedReasons acknowledgement recommendation { recommendation rationale } openRisks { category } }
    }
    publication { channel url }
  }
} } }`;
const LINK = 'mutation ($id: ID!) { decisionRecordLink(proposalId: $id) { url expiresAt } }';
const INJECTED = '<script>alert("x")</script>';
const FIRST_WORDS = `Our stores are open as shelters tonight. ${INJECTED}`;
const SECOND_WORDS = 'Our stores are open as shelters every night until the water recedes.';
const ACKNOWLEDGEMENT = 'People need shelter tonight; staffing is confirmed by phone';

interface Line {
  seq: number;
  hash: string;
  action: string;
  kind: string;
  actorLabel: string;
  [field: string]: any;
}

/** The story of who warned, who decided and on what evidence, as GraphQL and as a printable page. */
describe('the decision record', () => {
  // The worker's heartbeat would add its own statements to the ones counted below.
  const app = useTestApp(AppModule, { WORKER_INTERVAL_MS: '3600000' });
  let brand: TestBrand;
  let manager: TestMember;
  let contributor: TestMember;
  let reviewer: TestMember;
  let approver: TestMember;
  let auditor: TestMember;
  let stranger: TestMember;
  let proposalId: string;
  let otherProposalId: string;

  const mutate = (query: string, input: Record<string, unknown>, token: string) =>
    app.data(query, { input }, token);

  beforeAll(async () => {
    const f = app.fixtures;
    brand = await f.brand();
    [manager, contributor, reviewer, approver, auditor] = await Promise.all([
      f.member(brand.id, ['SOCIAL_MANAGER']),
      f.member(brand.id, ['CONTRIBUTOR']),
      f.member(brand.id, ['REVIEWER']),
      f.member(brand.id, ['APPROVER']),
      f.member(brand.id, ['AUDITOR']),
    ]);
    stranger = await f.member((await f.brand()).id, ['ADMIN', 'AUDITOR']);

    proposalId = (
      await f.proposal(brand.id, manager.token, {
        title: `Shelters ${INJECTED}`,
        issue: 'Flood relief',
        stanceType: 'ACTION_ANNOUNCEMENT',
        urgency: 'CRISIS',
        drafts: [{ channel: 'X', body: FIRST_WORDS }],
      })
    ).id;
    await f.evidence(proposalId, contributor.token);
    await f.riskNote(proposalId, reviewer.token, {
      category: 'PERFORMATIVE_ALLYSHIP',
      likelihood: 4,
      impact: 3,
      description: 'Shelters are not staffed yet',
    });
    const recommend = (rationale: string) =>
      f.recommendation(proposalId, manager.token, { recommendation: 'HOLD', rationale });
    await recommend('Wait until every shelter is staffed');
    await mutate(
      `mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { __typename } }`,
      { proposalId, drafts: [{ channel: 'X', body: SECOND_WORDS }] },
      manager.token,
    );
    await recommend('Still: wait until every shelter is staffed');
    await f.submit(proposalId, manager.token);
    const current = await app.data(
      'query ($id: ID!) { proposal(id: $id) { currentRevision { contentHash } } }',
      { id: proposalId },
      manager.token,
    );
    const decided = await mutate(
      `mutation ($input: DecideInput!) { decide(input: $input) { __typename } }`,
      {
        proposalId,
        outcome: 'APPROVE',
        contentHash: current.proposal.currentRevision.contentHash,
        acknowledgeRisks: true,
        comment: ACKNOWLEDGEMENT,
      },
      approver.token,
    );
    expect(decided.decide.__typename).toBe('Decision');
    await mutate(
      `mutation ($input: MarkPublishedInput!) { markPublished(input: $input) { __typename } }`,
      { proposalId, channel: 'X', url: 'https://x.example.com/brand/status/1' },
      manager.token,
    );
    await mutate(
      `mutation ($input: ReasonInput!) { retract(input: $input) { __typename } }`,
      { proposalId, reason: 'The shelters closed early' },
      manager.token,
    );
    // Another proposal of the brand, whose events must stay out of this record.
    otherProposalId = (
      await f.proposal(brand.id, manager.token, {
        title: 'Another one',
        issue: 'Other',
        drafts: [{ channel: 'X', body: 'Something else' }],
      })
    ).id;
  });

  const record = async (token = auditor.token) =>
    (await app.data(RECORD, { id: proposalId }, token)).proposal.decisionRecord;

  it("tells every event of the proposal, in the chain's order, with the chain's sequence numbers and hashes", async () => {
    const { lines } = (await record()) as { lines: Line[] };
    // The record leaves comments out.
    const concerning = (await app.proposalAuditEvents(brand.id, proposalId)).filter(
      (e) => e.entityType !== 'Comment',
    );
    expect(lines.map((l) => [l.seq, l.hash, l.action, l.actorLabel])).toEqual(
      concerning.map((e) => [e.seq, e.hash, e.action, e.actorLabel]),
    );
    expect(lines.map((l) => l.kind)).toEqual([
      'PROPOSED',
      'EVIDENCE',
      'RISK_NOTE',
      'RECOMMENDATION',
      'REVISED',
      'RECOMMENDATION',
      'SUBMITTED',
      'DECISION',
      'PUBLICATION',
      'RETRACTION',
    ]);

    // The same numbers and hashes as the auditors' own view of the chain.
    const listed = await app.data(
      `query ($b: ID!, $e: ID!) { auditEvents(brandId: $b, filter: { entityId: $e }, first: 500) { edges { node { seq hash } } } }`,
      { b: brand.id, e: proposalId },
      auditor.token,
    );
    const ownLines = lines.filter((l) => !['EVIDENCE', 'RISK_NOTE', 'DECISION'].includes(l.kind));
    expect(ownLines.map((l) => ({ seq: l.seq, hash: l.hash }))).toEqual(
      listed.auditEvents.edges.map((edge: { node: unknown }) => edge.node),
    );
  });

  it('shows the override: the overruled recommendation, the acknowledgement, the approver and what they saw', async () => {
    const { lines } = (await record()) as { lines: Line[] };
    const decision = lines.find((l) => l.kind === 'DECISION')!;
    const stored = (await app.auditChain(brand.id)).find((e) => e.seq === decision.seq)!;
    const data = stored.data as { contentHash: string; seen: unknown };
    expect(decision.actorLabel).toBe(approver.email);
    expect(decision.summary).toContain('OVERRIDE');
    expect(decision.decision).toEqual({
      approverLabel: approver.email,
      step: expect.any(String),
      outcome: 'APPROVE',
      revisionNumber: 2,
      contentHash: data.contentHash,
      stale: false,
      seen: data.seen,
      teamRecommendation: { recommendation: 'HOLD', revisionNumber: 2 },
      override: {
        acknowledgedReasons: [
          'The team recommends HOLD',
          'An open HIGH risk (PERFORMATIVE_ALLYSHIP, score 12)',
        ],
        acknowledgement: ACKNOWLEDGEMENT,
        recommendation: {
          recommendation: 'HOLD',
          rationale: 'Still: wait until every shelter is staffed',
        },
        openRisks: [{ category: 'PERFORMATIVE_ALLYSHIP' }],
      },
    });
    const revised = lines.find((l) => l.kind === 'REVISED')!;
    expect(data.contentHash).toBe(revised.revision.contentHash);
  });

  it('shows what the revision changed, and who warned and added evidence', async () => {
    const { lines } = (await record()) as { lines: Line[] };
    const revised = lines.find((l) => l.kind === 'REVISED')!;
    expect(revised.revision.drafts).toEqual([{ channel: 'X', body: SECOND_WORDS }]);
    const [x] = revised.revision.changes;
    expect(x.change).toBe('CHANGED');
    const text = (kind: string) =>
      x.parts
        .filter((p: { kind: string }) => p.kind !== kind)
        .map((p: { text: string }) => p.text)
        .join('');
    expect(text('ADDED')).toBe(FIRST_WORDS);
    expect(text('REMOVED')).toBe(SECOND_WORDS);
    expect(x.parts).toContainEqual({ kind: 'ADDED', text: 'every night until the water recedes' });
    expect(lines.find((l) => l.kind === 'RISK_NOTE')).toMatchObject({
      actorLabel: reviewer.email,
      riskNote: { category: 'PERFORMATIVE_ALLYSHIP', severity: 'HIGH', status: 'OPEN' },
    });
    expect(lines.find((l) => l.kind === 'EVIDENCE')).toMatchObject({
      actorLabel: contributor.email,
      evidence: { kind: 'SURVEY_STAT' },
    });
    expect(lines.at(-1)).toMatchObject({
      kind: 'RETRACTION',
      reason: 'The shelters closed early',
      state: { from: 'PUBLISHED', to: 'RETRACTED' },
    });
  });

  it('is for the members of the brand, auditors included; nobody else learns anything', async () => {
    expect((await record(manager.token)).lines.length).toBeGreaterThan(0);
    expect(errorCodes(await app.gql(RECORD, { id: proposalId }, stranger.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await app.gql(RECORD, { id: proposalId }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.gql(LINK, { id: proposalId }, stranger.token))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('costs no statement per proposal when listed', async () => {
    const logQuery = jest.spyOn(TypeOrmLogger.prototype, 'logQuery');
    try {
      const statements = async (first: number) => {
        logQuery.mockClear();
        await app.data(
          `query ($b: ID!, $first: Int) { proposals(brandId: $b, first: $first) { edges { node { decisionRecord { lines { seq } } } } } }`,
          { b: brand.id, first },
          auditor.token,
        );
        return logQuery.mock.calls.length;
      };
      expect(await statements(2)).toBe(await statements(1));
    } finally {
      logQuery.mockRestore();
    }
  });

  describe('the printable page', () => {
    const page = (path: string, token?: string) =>
      fetch(`${app.t.url}${path}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const pathOf = (id: string) => `/proposals/${id}/decision-record`;

    it('shows the same facts, every user string escaped, with the headers of a private printable page', async () => {
      const response = await page(pathOf(proposalId), auditor.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      const body = await response.text();
      expect(body).not.toContain('<script');
      expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(body).toContain('@media print');
      // The policy lets exactly the page's own stylesheet apply.
      const stylesheet = /<style>([\s\S]*?)<\/style>/.exec(body)![1];
      expect(csp).toContain(
        `style-src 'sha256-${createHash('sha256').update(stylesheet).digest('base64')}'`,
      );
      expect(body).not.toMatch(/(src|href)=/);

      const { lines } = (await record()) as { lines: Line[] };
      for (const line of lines) {
        expect(body).toContain(`#${line.seq}`);
        expect(body).toContain(line.hash);
      }
      const decision = lines.find((l) => l.kind === 'DECISION')!;
      expect(body).toContain('OVERRIDE');
      expect(body).toContain(approver.email);
      expect(body).toContain(ACKNOWLEDGEMENT);
      expect(body).toContain(decision.decision.contentHash);
      expect(body).toContain(decision.decision.seen.evidence);
      expect(body).toContain('<ins>every night until the water recedes</ins>');
    });

    it('answers 401 without credentials and 404 to a member of another brand', async () => {
      expect((await page(pathOf(proposalId))).status).toBe(401);
      expect((await page(pathOf(proposalId), 'not-a-token')).status).toBe(401);
      const foreign = await page(pathOf(proposalId), stranger.token);
      expect(foreign.status).toBe(404);
      expect(await foreign.text()).not.toContain('Shelters');
    });

    it('opens from a short-lived link made for one proposal and one user', async () => {
      const issued = await app.data(LINK, { id: proposalId }, auditor.token);
      const { url, expiresAt } = issued.decisionRecordLink;
      const minutes = (new Date(expiresAt).getTime() - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(9);
      expect(minutes).toBeLessThanOrEqual(10);
      const link = new URL(url);
      expect(link.pathname).toBe(pathOf(proposalId));
      const access = link.searchParams.get('access')!;

      const opened = await page(`${link.pathname}${link.search}`);
      expect(opened.status).toBe(200);
      expect(await opened.text()).toContain(ACKNOWLEDGEMENT);

      // Bound to its proposal, unforgeable, and no access token.
      const elsewhere = `${pathOf(otherProposalId)}?access=${encodeURIComponent(access)}`;
      expect((await page(elsewhere)).status).toBe(401);
      const forged = `${link.pathname}?access=${encodeURIComponent(`${access.slice(0, -2)}AA`)}`;
      expect((await page(forged)).status).toBe(401);
      expect(errorCodes(await app.gql(RECORD, { id: proposalId }, access))).toEqual([
        'UNAUTHENTICATED',
      ]);
    });
  });
});
