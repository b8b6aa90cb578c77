import { AuditEventBus } from '@standpoint/audit';
import { AuditReviewService } from '@standpoint/audit-review';
import { QUERY_LIMITS } from '@standpoint/graphql';
import { UsersService } from '@standpoint/identity';
import {
  GraphQLResponse,
  subscribe,
  TestBrand,
  TestMember,
  TestSubscription,
  useTestApp,
} from '@standpoint/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ProposalsService } from '../libs/proposals/src/proposals.service';
import { AppModule } from '../src/app.module';

// Production refuses to start without a mail server; nothing is sent in these tests.
const PRODUCTION = { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' };

/**
 * What a dashboard asks for to show a brand's dossiers (docs/security/query-limits.md), as the
 * typed example client sends it: a page of 20 proposals with their words, evidence, risks,
 * recommendation, review steps, decisions and comments.
 */
const DOSSIER_QUERY = readFileSync(
  join(__dirname, '..', 'examples', 'client', 'operations', 'dossier.graphql'),
  'utf8',
);

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The finding: `viewer { memberships { brand { members { user { memberships …`, `levels` times. */
const nestedMemberships = (levels: number) =>
  `{ viewer { ${'memberships { brand { members { user { '.repeat(levels)}id${' } } } }'.repeat(levels)} } }`;

const aliasedVerifications = (count: number, brandId: string) =>
  `{ ${range(count)
    .map(
      (i) =>
        `v${i}: verifyAuditChain(brandId: "${brandId}") { valid checkedEvents headSeq headHash }`,
    )
    .join(' ')} }`;

const aliasedProposalPages = (count: number, brandId: string) =>
  `{ ${range(count)
    .map(
      (i) =>
        `p${i}: proposals(brandId: "${brandId}", first: 100) { edges { node { id title decisionRecord { lines { seq summary actorLabel } } } } }`,
    )
    .join(' ')} }`;

/** Checks a refusal: HTTP 400, exactly one error, QUERY_TOO_COMPLEX, naming `limit`. */
function expectRefused(
  response: GraphQLResponse<unknown> & { status: number },
  limit: string,
  message?: string,
): void {
  expect(response.status).toBe(400);
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0].extensions).toMatchObject({
    code: 'QUERY_TOO_COMPLEX',
    limit,
    maximum: QUERY_LIMITS[limit as keyof typeof QUERY_LIMITS],
  });
  if (message) expect(response.errors![0].message).toBe(message);
  else expect(response.errors![0].message).toMatch(/exceeds the limit of [\d,]+$/);
}

describe('query limits in production', () => {
  const app = useTestApp(AppModule, PRODUCTION);
  let brand: TestBrand;
  let manager: TestMember;
  let proposalIds: string[];

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER', 'CONTRIBUTOR', 'AUDITOR']);
    const approver = await app.fixtures.member(brand.id, ['APPROVER']);
    for (const role of ['REVIEWER', 'CONTRIBUTOR', 'ADMIN'])
      await app.fixtures.member(brand.id, [role]);
    // 20 full dossiers: words, evidence, a risk note, a recommendation, a review, a decision and a
    // comment each; and an audit chain of a few hundred events.
    proposalIds = [];
    for (const i of range(20)) {
      const proposal = await app.fixtures.inReview(brand.id, manager.token, {
        title: `Stance ${i}`,
        riskNote: {},
      });
      await app.data(
        'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
        { input: { proposalId: proposal.id, body: `Looks right to me (${i})` } },
        manager.token,
      );
      await app.data(
        'mutation ($input: DecideInput!) { decide(input: $input) { __typename } }',
        {
          input: {
            proposalId: proposal.id,
            outcome: 'REQUEST_CHANGES',
            comment: 'Soften the second sentence',
            contentHash: proposal.contentHash,
          },
        },
        approver.token,
      );
      proposalIds.push(proposal.id);
    }
  });
  afterEach(() => jest.restoreAllMocks());

  describe('the findings, refused before any resolver runs', () => {
    it.each([5, 25])(
      'refuses the nested memberships query of %i levels by its depth',
      async (levels) => {
        const viewer = jest.spyOn(app.t.app.get(UsersService), 'viewer');
        const response = await app.gql(nestedMemberships(levels), {}, manager.token);
        expectRefused(
          response,
          'depth',
          `Query depth ${4 * levels + 2} exceeds the limit of ${QUERY_LIMITS.depth}`,
        );
        expect(viewer).not.toHaveBeenCalled();
      },
    );

    it('refuses 200 aliased verifyAuditChain: the document is too long to read', async () => {
      const verify = jest.spyOn(app.t.app.get(AuditReviewService), 'verify');
      const response = await app.gql(aliasedVerifications(200, brand.id), {}, manager.token);
      expectRefused(response, 'tokens', 'Token count exceeds the limit of 1,000');
      expect(verify).not.toHaveBeenCalled();
    });

    it('refuses 100 aliased pages of 100 proposals with their decision records', async () => {
      const list = jest.spyOn(app.t.app.get(ProposalsService), 'list');
      const response = await app.gql(aliasedProposalPages(100, brand.id), {}, manager.token);
      expectRefused(response, 'tokens');
      expect(list).not.toHaveBeenCalled();
    });

    it('refuses the same amplifications within the token limit: by aliases, then by cost', async () => {
      const verify = jest.spyOn(app.t.app.get(AuditReviewService), 'verify');
      const list = jest.spyOn(app.t.app.get(ProposalsService), 'list');
      expectRefused(
        await app.gql(aliasedVerifications(16, brand.id), {}, manager.token),
        'aliases',
        'Alias count 16 exceeds the limit of 15',
      );
      // Each verification reads and rehashes the whole chain: two fit, three do not.
      expectRefused(
        await app.gql(aliasedVerifications(3, brand.id), {}, manager.token),
        'cost',
        'Query cost 12,003 exceeds the limit of 10,000',
      );
      expectRefused(await app.gql(aliasedProposalPages(2, brand.id), {}, manager.token), 'cost');
      expect(verify).not.toHaveBeenCalled();
      expect(list).not.toHaveBeenCalled();
      await app.sealAuditChain(brand.id);
      const two = await app.gql(aliasedVerifications(2, brand.id), {}, manager.token);
      expect(two.errors).toBeUndefined();
      expect(two.data).toMatchObject({ v0: { valid: true }, v1: { valid: true } });
    });
  });

  describe('the findings replayed', () => {
    /** Posts an operation; a server that does not answer within a generous time fails the test. */
    const send = (query: string) =>
      fetch(`${app.t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${manager.token}` },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(30_000),
      }).then(async (response) => ({ status: response.status, body: await response.json() }));
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    const median = async (times: number, work: () => Promise<unknown>) => {
      const durations: number[] = [];
      for (let i = 0; i < times; i++) durations.push(await timed(work));
      return durations.sort((a, b) => a - b)[Math.floor(times / 2)];
    };
    const ordinary = '{ viewer { id name } }';
    const findings = () => [
      nestedMemberships(5),
      nestedMemberships(25),
      aliasedVerifications(200, brand.id),
      aliasedProposalPages(100, brand.id),
    ];

    it('refuses each about as fast as an ordinary query is answered', async () => {
      const answer = await median(5, () => send(ordinary));
      for (const finding of findings()) {
        expect((await send(finding)).status).toBe(400);
        const refusal = await median(5, () => send(finding));
        expect(refusal / answer).toBeLessThan(10);
      }
    });

    it('keeps /health as fast under a burst of them as under a burst of ordinary queries', async () => {
      /** /health's median latency while `count` copies of `query` are in flight. */
      const healthDuring = async (query: string, count = 20) => {
        const burst = Promise.all(Array.from({ length: count }, () => send(query)));
        const health = await median(5, () =>
          fetch(`${app.t.url}/health`, { signal: AbortSignal.timeout(30_000) }),
        );
        const answers = await burst;
        return { health, statuses: new Set(answers.map((answer) => answer.status)) };
      };
      const baseline = await healthDuring(ordinary);
      expect(baseline.statuses).toEqual(new Set([200]));
      for (const finding of findings()) {
        const during = await healthDuring(finding);
        expect(during.statuses).toEqual(new Set([400]));
        expect(during.health / baseline.health).toBeLessThan(10);
      }
    });
  });

  describe('each limit', () => {
    it.each([
      ['aliases', `{ viewer { ${range(16).map((i) => `a${i}: id`)} } }`, 'Alias count 16'],
      ['rootFields', `{ ${'viewer { id } '.repeat(11)} }`, 'Root field count 11'],
      ['directives', `{ viewer { ${'id @include(if: true) '.repeat(6)} } }`, 'Directive count 6'],
      ['tokens', `{ viewer { ${'id '.repeat(1_000)} } }`, 'Token count'],
    ])('refuses one %s too many with one error naming it', async (limit, query, figure) => {
      const viewer = jest.spyOn(app.t.app.get(UsersService), 'viewer');
      const response = await app.gql(query, {}, manager.token);
      expectRefused(
        response,
        limit,
        `${figure} exceeds the limit of ${QUERY_LIMITS[limit as keyof typeof QUERY_LIMITS].toLocaleString('en-US')}`,
      );
      expect(viewer).not.toHaveBeenCalled();
    });

    it('prices an operation with its variables, every time, even once its document is known', async () => {
      const query = `query ($brandId: ID!, $n: Int) {
        proposals(brandId: $brandId, first: $n) { edges { node { decisionRecord { lines { summary } } } } }
      }`;
      const small = await app.gql(query, { brandId: brand.id, n: 20 }, manager.token);
      expect(small.errors).toBeUndefined();
      expect(small.data!.proposals.edges).toHaveLength(20);
      const large = await app.gql(query, { brandId: brand.id, n: 100 }, manager.token);
      expectRefused(large, 'cost', 'Query cost 13,201 exceeds the limit of 10,000');
    });

    it('tells the client what each operation cost, refused or not', async () => {
      const answered = await app.gql('{ viewer { id memberships { roles } } }', {}, manager.token);
      expect((answered as { extensions?: unknown }).extensions).toEqual({
        cost: { requested: 11, limit: QUERY_LIMITS.cost },
      });
      const refused = await app.gql(aliasedVerifications(3, brand.id), {}, manager.token);
      expect((refused as { extensions?: unknown }).extensions).toEqual({
        cost: { requested: 12_003, limit: QUERY_LIMITS.cost },
      });
    });

    it('answers a mutation over the limits with the same refusal, and performs nothing', async () => {
      const comments = range(11)
        .map(
          (i) =>
            `c${i}: addComment(input: {proposalId: "${proposalIds[0]}", body: "spam ${i}"}) { id }`,
        )
        .join(' ');
      expectRefused(await app.gql(`mutation { ${comments} }`, {}, manager.token), 'rootFields');
      const { proposal } = await app.data(
        'query ($id: ID!) { proposal(id: $id) { comments { body } } }',
        { id: proposalIds[0] },
        manager.token,
      );
      expect(proposal.comments).toHaveLength(1);
    });
  });

  it('serves the dossier query of 20 proposals well inside every limit', async () => {
    const response = await app.gql(DOSSIER_QUERY, { brandId: brand.id }, manager.token);
    expect(response.errors).toBeUndefined();
    const edges = response.data!.proposals.edges as { node: Record<string, unknown[]> }[];
    expect(edges).toHaveLength(20);
    for (const { node } of edges) {
      for (const list of ['evidence', 'riskNotes', 'approvalSteps', 'decisions', 'comments'])
        expect(node[list].length).toBeGreaterThan(0);
    }
    const { cost } = (response as { extensions?: { cost: { requested: number } } }).extensions!;
    expect(cost.requested).toBe(2_041);
    expect(cost.requested).toBeLessThanOrEqual(QUERY_LIMITS.cost / 4);
  });

  describe('over WebSocket', () => {
    const open: TestSubscription[] = [];
    afterEach(() => Promise.all(open.splice(0).map((s) => s.close())));

    const refusalOf = async (query: string, variables: Record<string, unknown> = {}) => {
      const subscription = subscribe(app.t.url, query, variables, {
        authorization: `Bearer ${manager.token}`,
      });
      open.push(subscription);
      return (await subscription.failed).errors;
    };

    it.each([
      [
        'a subscription too deep',
        `subscription ($b: ID!) { proposalEvents(brandId: $b) { proposal { ${'brand { members { user { memberships { '.repeat(3)}roles${' } } } }'.repeat(3)} } } }`,
        'depth',
      ],
      [
        'a subscription too costly',
        'subscription ($b: ID!) { proposalEvents(brandId: $b) { proposal { brand { members { user { memberships { brand { members { user { id } } } } } } } } } }',
        'cost',
      ],
      [
        'a subscription too long',
        `subscription ($b: ID!) { proposalEvents(brandId: $b) { ${'action '.repeat(1_000)} } }`,
        'tokens',
      ],
      ['a query too deep', nestedMemberships(25), 'depth'],
    ])('refuses %s with one QUERY_TOO_COMPLEX error', async (_, query, limit) => {
      const bus = app.t.app.get(AuditEventBus);
      const viewer = jest.spyOn(app.t.app.get(UsersService), 'viewer');
      const errors = await refusalOf(query, { b: brand.id });
      expect(errors).toEqual([
        {
          message: expect.stringMatching(/exceeds the limit of [\d,]+$/),
          extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit }),
        },
      ]);
      expect(bus.listenerCount(brand.id)).toBe(0);
      expect(viewer).not.toHaveBeenCalled();
    });

    it('answers a syntax error as an error of the operation, not by closing the connection', async () => {
      const errors = await refusalOf('subscription { proposalEvents(');
      expect(errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/^Syntax Error/) }),
      ]);
    });

    it('refuses introspection and suggests no field names, as over HTTP', async () => {
      const introspection = (await refusalOf('{ __schema { types { name } } }'))!;
      expect(introspection.length).toBeGreaterThan(0);
      for (const error of introspection) expect(error.message).toMatch(/introspection/i);
      const [unknown] = (await refusalOf('{ viewr { id } }'))!;
      expect(unknown.message).toMatch(/Cannot query field "viewr"/);
      expect(unknown.message).not.toMatch(/Did you mean/);
    });
  });
});

describe('query limits in development', () => {
  const app = useTestApp(AppModule);

  it('refuses the same operations: only introspection and the IDE differ in production', async () => {
    const token = await app.fixtures.admin();
    expectRefused(await app.gql(nestedMemberships(25), {}, token), 'depth');
    expectRefused(await app.gql(`{ ${'viewer { id } '.repeat(11)} }`, {}, token), 'rootFields');
    const brand = await app.fixtures.brand();
    expectRefused(await app.gql(aliasedVerifications(3, brand.id), {}, token), 'cost');
  });
});
