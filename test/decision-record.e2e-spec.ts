import { AuditKeyRing, verifyProofFile } from '@standpoint/audit/rules';
import { TypeOrmLogger } from '@standpoint/database';
import { escapeHtml } from '@standpoint/html';
import { createHash } from 'node:crypto';
import { errorCodes, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const RECORD = `query ($id: ID!) { proposal(id: $id) { decisionRecord {
  proposalId title state
  lines {
    auditEventId seq hash at action kind actorLabel summary revisionNumber reason
    state { from to }
    revision { number contentHash drafts { channel body } changes { channel change parts { kind text } } }
    evidence { evidenceId kind summary sourceUrl correctsId before { kind summary sourceUrl } }
    riskNote { category severity status }
    comment { commentId body mentionedUserIds }
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
const CORRECTED_SUMMARY = '72% of consumers say it is important for brands to take a stand';
const WITHDRAWAL_REASON = 'The flood is over before we could post';

interface Line {
  auditEventId: string;
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
  let withdrawnProposalId: string;
  let evidenceId: string;
  let withdrawnEvidenceId: string;
  let commentBody: string;

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
    evidenceId = await f.evidence(proposalId, contributor.token);
    commentBody = `Is every shelter staffed, @${manager.email}? ${INJECTED}`;
    await mutate(
      'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { proposalId, body: commentBody },
      reviewer.token,
    );
    await mutate(
      'mutation ($input: CorrectEvidenceInput!) { correctEvidence(input: $input) { id } }',
      {
        evidenceId,
        summary: CORRECTED_SUMMARY,
        survey: { statistic: 72, source: 'Survey' },
        reason: 'Misread the chart',
      },
      contributor.token,
    );
    withdrawnEvidenceId = await f.evidence(proposalId, contributor.token);
    await mutate(
      'mutation ($input: WithdrawEvidenceInput!) { withdrawEvidence(input: $input) { id } }',
      { evidenceId: withdrawnEvidenceId, reason: 'Counted twice' },
      contributor.token,
    );
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
    withdrawnProposalId = (
      await f.proposal(brand.id, manager.token, {
        title: 'Sandbags',
        issue: 'Flood relief',
        drafts: [{ channel: 'X', body: 'We hand out sandbags.' }],
      })
    ).id;
    await mutate(
      'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { proposalId: withdrawnProposalId, body: 'Too late for this one?' },
      approver.token,
    );
    await mutate(
      `mutation ($input: ReasonInput!) { withdraw(input: $input) { __typename } }`,
      { proposalId: withdrawnProposalId, reason: WITHDRAWAL_REASON },
      manager.token,
    );
  });

  const record = async (token = auditor.token, id = proposalId) =>
    (await app.data(RECORD, { id }, token)).proposal.decisionRecord as { lines: Line[] };

  /** The brand's chain as the auditors' own view of it answers it, by event id. */
  const listedEvents = async () => {
    const listed = await app.data(
      `query ($b: ID!) { auditEvents(brandId: $b, first: 500) { edges { node { id seq hash at action entityId } } } }`,
      { b: brand.id },
      auditor.token,
    );
    type Node = {
      id: string;
      seq: number;
      hash: string;
      at: string;
      action: string;
      entityId: string;
    };
    return new Map<string, Node>(
      listed.auditEvents.edges.map(({ node }: { node: Node }) => [node.id, node]),
    );
  };

  it("tells every event of the proposal, comments included, in the chain's order, with the chain's ids, sequence numbers and hashes", async () => {
    const { lines } = await record();
    const concerning = await app.proposalAuditEvents(brand.id, proposalId);
    expect(concerning.some((e) => e.action === 'comment.added')).toBe(true);
    expect(lines.map((l) => [l.auditEventId, l.seq, l.hash, l.action, l.actorLabel])).toEqual(
      concerning.map((e) => [e.id, e.seq, e.hash, e.action, e.actorLabel]),
    );
    expect(lines.map((l) => l.kind)).toEqual([
      'PROPOSED',
      'EVIDENCE',
      'COMMENT',
      'EVIDENCE',
      'EVIDENCE',
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

    // Each line names its event as the auditors' own view of the chain does.
    const events = await listedEvents();
    for (const line of lines) {
      expect(events.get(line.auditEventId)).toMatchObject({
        seq: line.seq,
        hash: line.hash,
        at: line.at,
        action: line.action,
      });
    }
  });

  it('tells the comment, the evidence correction and the evidence withdrawal: who, when, what', async () => {
    const { lines } = await record();
    const events = await listedEvents();
    const line = (action: string) => {
      const found = lines.filter((l) => l.action === action).at(-1)!;
      expect(events.get(found.auditEventId)).toMatchObject({ seq: found.seq, action });
      return found;
    };
    expect(line('comment.added')).toMatchObject({
      kind: 'COMMENT',
      actorLabel: reviewer.email,
      summary: 'Commented, mentioning 1 member',
      comment: { commentId: expect.any(String), body: commentBody, mentionedUserIds: [manager.id] },
    });
    const corrected = line('evidence.corrected');
    expect(corrected).toMatchObject({
      kind: 'EVIDENCE',
      actorLabel: contributor.email,
      reason: 'Misread the chart',
      evidence: {
        kind: 'SURVEY_STAT',
        summary: CORRECTED_SUMMARY,
        correctsId: evidenceId,
        before: {
          kind: 'SURVEY_STAT',
          summary: '70% of consumers say it is important for brands to take a stand',
        },
      },
    });
    expect(events.get(corrected.auditEventId)!.entityId).toBe(corrected.evidence.evidenceId);
    expect(line('evidence.withdrawn')).toMatchObject({
      kind: 'EVIDENCE',
      actorLabel: contributor.email,
      summary: expect.stringMatching(/^Evidence withdrawn: SURVEY_STAT — /),
      reason: 'Counted twice',
      evidence: { evidenceId: withdrawnEvidenceId, correctsId: null, before: null },
    });
  });

  it('tells a withdrawn proposal with who withdrew it and why, as the last line', async () => {
    const { lines } = await record(auditor.token, withdrawnProposalId);
    expect(lines.map((l) => l.kind)).toEqual(['PROPOSED', 'COMMENT', 'WITHDRAWAL']);
    const withdrawal = lines.at(-1)!;
    expect(withdrawal).toMatchObject({
      action: 'proposal.withdrawn',
      actorLabel: manager.email,
      reason: WITHDRAWAL_REASON,
      state: { from: 'DRAFT', to: 'WITHDRAWN' },
    });
    expect((await listedEvents()).get(withdrawal.auditEventId)).toMatchObject({
      seq: withdrawal.seq,
      hash: withdrawal.hash,
      entityId: withdrawnProposalId,
    });
  });

  it('shows the override: the overruled recommendation, the acknowledgement, the approver and what they saw', async () => {
    const { lines } = await record();
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

  it('offers each line a proof of its event that an outsider checks offline', async () => {
    const { lines } = await record();
    const PROOFS = `query ($id: ID!) { proposal(id: $id) { decisionRecord { lines {
      auditEventId seq kind proof { file checkpoint { size } }
    } } } }`;
    const proven = (await app.data(PROOFS, { id: proposalId }, contributor.token)).proposal
      .decisionRecord.lines as { seq: number; kind: string; proof: { file: string } }[];
    expect(proven.map((line) => line.seq)).toEqual(lines.map((line) => line.seq));
    const served = (await (await fetch(`${app.t.url}/audit/public-key`)).json()) as {
      keys: { publicKey: string }[];
    };
    const trustedKeys = AuditKeyRing.ofPems(served.keys.map((key) => key.publicKey));
    for (const line of proven.filter((l) => ['DECISION', 'COMMENT'].includes(l.kind)))
      expect(verifyProofFile(line.proof.file, { trustedKeys })).toMatchObject({
        valid: true,
        event: { seq: line.seq },
      });
    const decision = proven.find((line) => line.kind === 'DECISION')!;
    const altered = decision.proof.file.replace('"outcome":"APPROVE"', '"outcome":"REJECT"');
    expect(altered).not.toBe(decision.proof.file);
    expect(verifyProofFile(altered, { trustedKeys })).toMatchObject({ valid: false });
  });

  it('shows what the revision changed, and who warned and added evidence', async () => {
    const { lines } = await record();
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
        const listed = await app.data(
          `query ($b: ID!, $first: Int) { proposals(brandId: $b, first: $first) { edges { node { decisionRecord { lines { kind } } } } } }`,
          { b: brand.id, first },
          auditor.token,
        );
        const kinds = listed.proposals.edges.flatMap(
          (edge: { node: { decisionRecord: { lines: { kind: string }[] } } }) =>
            edge.node.decisionRecord.lines.map((line) => line.kind),
        );
        return { kinds, sql: (logQuery.mock.calls as unknown as [string][]).map(([sql]) => sql) };
      };
      const one = await statements(1);
      const all = await statements(3);
      expect(all.kinds.filter((kind: string) => kind === 'COMMENT')).toHaveLength(2);
      expect(all.sql).toHaveLength(one.sql.length);
      // One statement reads the comments of the whole page.
      expect(all.sql.filter((sql) => /\bFROM "?comment"?/i.test(sql))).toHaveLength(1);
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

      // One list item per line, in order, each naming its event.
      const { lines } = await record();
      const items = body.split('<li class="line').slice(1);
      expect(items).toHaveLength(lines.length);
      lines.forEach((line, i) => {
        expect(items[i]).toContain(`<span class="seq">#${line.seq}</span>`);
        expect(items[i]).toContain(`<code>${line.auditEventId}</code>`);
        expect(items[i]).toContain(line.hash);
      });
      const item = (action: string) => items[lines.findLastIndex((l) => l.action === action)];
      expect(item('comment.added')).toContain(reviewer.email);
      expect(item('comment.added')).toContain(escapeHtml(commentBody));
      expect(item('evidence.corrected')).toContain('Misread the chart');
      expect(item('evidence.corrected')).toContain(`replaces <code>${evidenceId}</code>`);
      expect(item('evidence.corrected')).toMatch(/<del>SURVEY_STAT:\s+70% of consumers/);
      expect(item('evidence.corrected')).toMatch(/<ins>SURVEY_STAT:\s+72% of consumers/);
      expect(item('evidence.withdrawn')).toContain('Counted twice');
      // The withdrawal names the evidence as the line that added it does.
      const added = items[lines.findIndex((l) => l.evidence?.evidenceId === withdrawnEvidenceId)];
      expect(added).toContain(`Evidence <code>${withdrawnEvidenceId}</code>`);
      expect(item('evidence.withdrawn')).toContain(`Evidence <code>${withdrawnEvidenceId}</code>`);
      const decision = lines.find((l) => l.kind === 'DECISION')!;
      expect(body).toContain('OVERRIDE');
      expect(body).toContain(approver.email);
      expect(body).toContain(ACKNOWLEDGEMENT);
      expect(body).toContain(decision.decision.contentHash);
      expect(body).toContain(decision.decision.seen.evidence);
      expect(body).toContain('<ins>every night until the water recedes</ins>');
    });

    it('shows a withdrawal with its reason and its event', async () => {
      const body = await (await page(pathOf(withdrawnProposalId), auditor.token)).text();
      const withdrawal = (await record(auditor.token, withdrawnProposalId)).lines.at(-1)!;
      const item = body.split('<li class="line').at(-1)!;
      expect(item).toContain(`<span class="seq">#${withdrawal.seq}</span>`);
      expect(item).toContain(`<code>${withdrawal.auditEventId}</code>`);
      expect(item).toContain(manager.email);
      expect(item).toContain(WITHDRAWAL_REASON);
      expect(item).toContain('DRAFT → WITHDRAWN');
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
