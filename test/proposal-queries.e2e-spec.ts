import { ProposalEntity, ProposalState } from '@standpoint/proposals';
import { TypeOrmLogger } from '@standpoint/database';
import { errorCodes, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const PAGE_QUERY = `query ($brandId: ID!, $first: Int, $after: String, $filter: ProposalFilter) {
  proposals(brandId: $brandId, first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title } }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; title: string } }[];
}

describe('listing proposals', () => {
  // The worker's heartbeat would add its own statements to the ones counted below.
  const app = useTestApp(AppModule, { WORKER_INTERVAL_MS: '3600000' });

  async function ok<T = any>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<T> {
    const response = await app.gql<T>(query, variables, token);
    if (!response.data || response.errors) {
      throw new Error(`fixture operation failed: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  interface ProposalSpec {
    title: string;
    issue: string;
    urgency: 'ROUTINE' | 'ELEVATED' | 'CRISIS';
    body: string;
  }

  async function createProposal(brandId: string, token: string, spec: ProposalSpec) {
    const data = await ok<{ createProposal: { id: string } }>(
      'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
      {
        input: {
          brandId,
          title: spec.title,
          issue: spec.issue,
          urgency: spec.urgency,
          stanceType: 'STATEMENT',
          drafts: [{ channel: 'LINKEDIN', body: spec.body }],
        },
      },
      token,
    );
    return data.createProposal.id;
  }

  describe('no N+1: a page of proposals with their whole dossier', () => {
    const DOSSIER_QUERY = `query ($brandId: ID!, $first: Int!) {
      proposals(brandId: $brandId, first: $first) {
        edges {
          node {
            id
            author { email }
            currentRevision { contentHash drafts { channel body } createdBy { email } }
            revisions { number }
            evidence { id addedBy { email } }
            riskNotes { id author { email } }
            riskScore
            riskMatrix
            recommendation { recommendation by { email } }
            comments { body author { email } mentions { email } }
          }
        }
      }
    }`;
    let brand: TestBrand;
    let author: TestMember;
    let contributor: TestMember;
    let reviewer: TestMember;
    let logQuery: jest.SpyInstance;

    /** One complete proposal: a draft, one evidence, one risk note, a recommendation, a comment. */
    async function fullProposal(n: number): Promise<void> {
      const id = await createProposal(brand.id, author.token, {
        title: `Proposal ${n}`,
        issue: 'Pay equity',
        urgency: 'ROUTINE',
        body: `Equal pay for equal work, number ${n}.`,
      });
      await ok(
        'mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
        { input: { proposalId: id, kind: 'EMPLOYEE_SENTIMENT', summary: `Staff view ${n}` } },
        contributor.token,
      );
      await ok(
        'mutation ($input: AddRiskNoteInput!) { addRiskNote(input: $input) { id } }',
        {
          input: {
            proposalId: id,
            category: 'BACKLASH',
            likelihood: 2,
            impact: 4,
            description: `Some customers may object (${n})`,
          },
        },
        reviewer.token,
      );
      await ok(
        'mutation ($input: SetRecommendationInput!) { setRecommendation(input: $input) { id } }',
        { input: { proposalId: id, recommendation: 'PROCEED', rationale: `Ready (${n})` } },
        author.token,
      );
      await ok(
        'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
        { input: { proposalId: id, body: `@${reviewer.email} please check ${n}` } },
        contributor.token,
      );
    }

    beforeAll(async () => {
      const fixtures = app.fixtures;
      brand = await fixtures.brand();
      [author, contributor, reviewer] = await Promise.all([
        fixtures.member(brand.id, ['SOCIAL_MANAGER']),
        fixtures.member(brand.id, ['CONTRIBUTOR']),
        fixtures.member(brand.id, ['REVIEWER']),
      ]);
      for (let batch = 0; batch < 5; batch++) {
        await Promise.all(Array.from({ length: 10 }, (_, i) => fullProposal(batch * 10 + i + 1)));
      }
      // TypeORM hands every statement to the configured logger's logQuery, whatever the `logging`
      // option says (the drivers' QueryRunner.query calls it unconditionally).
      logQuery = jest.spyOn(TypeOrmLogger.prototype, 'logQuery');
    });
    afterAll(() => logQuery.mockRestore());

    async function statementsOfPage(first: number): Promise<string[]> {
      logQuery.mockClear();
      const response = await app.gql<{ proposals: { edges: { node: any }[] } }>(
        DOSSIER_QUERY,
        { brandId: brand.id, first },
        author.token,
      );
      const statements = (logQuery.mock.calls as unknown as [string][]).map(([sql]) => sql);
      expect(response.errors).toBeUndefined();
      const nodes = response.data!.proposals.edges.map((edge) => edge.node);
      expect(nodes).toHaveLength(first);
      for (const node of nodes) {
        expect(node).toEqual({
          id: expect.any(String),
          author: { email: author.email },
          currentRevision: {
            contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
            drafts: [{ channel: 'LINKEDIN', body: expect.stringMatching(/^Equal pay/) }],
            createdBy: { email: author.email },
          },
          revisions: [{ number: 1 }],
          evidence: [{ id: expect.any(String), addedBy: { email: contributor.email } }],
          riskNotes: [{ id: expect.any(String), author: { email: reviewer.email } }],
          riskScore: 8,
          riskMatrix: expect.any(Array),
          recommendation: { recommendation: 'PROCEED', by: { email: author.email } },
          comments: [
            {
              body: expect.stringContaining('please check'),
              author: { email: contributor.email },
              mentions: [{ email: reviewer.email }],
            },
          ],
        });
        expect(node.riskMatrix[1][3]).toBe(1);
      }
      return statements;
    }

    /** A statement's shape: the same at any page size (IN lists, placeholders, LIMIT folded). */
    const shape = (sql: string) =>
      sql
        .replace(/\bIN \([^)]*\)/gi, 'IN (…)')
        .replace(/\$\d+/g, '?')
        .replace(/\bLIMIT \d+/gi, 'LIMIT n')
        .replace(/\s+/g, ' ');

    // Measured, the two statements of authentication included: SQLite 11 at first: 5 and 11 at
    // first: 50, every time; PostgreSQL 11 or 12 at either size, varying from run to run (the users
    // named by the nested lists are loaded in one batch or in two, as the lists' queries return).
    it('runs no statement per proposal: the same statements at first: 5 and at first: 50', async () => {
      const at5 = await statementsOfPage(5);
      const at50 = await statementsOfPage(50);
      expect(at5.length).toBeGreaterThan(0);
      expect(new Set(at50.map(shape))).toEqual(new Set(at5.map(shape)));
      // Users are looked up in batches, one per wave of nested lists, never one per proposal: no
      // statement runs as often as there are fields naming a user in the query (7).
      const times = new Map<string, number>();
      at50.map(shape).forEach((sql) => times.set(sql, (times.get(sql) ?? 0) + 1));
      expect(Math.max(...times.values())).toBeLessThan(7);
    });

    // Issue 3's acceptance: the counts must be equal. On PostgreSQL this fails in about one run of
    // three until the users of the nested lists are loaded in a batch that does not depend on
    // when each list's query returns.
    it('costs exactly as many SQL statements at first: 50 as at first: 5', async () => {
      const at5 = await statementsOfPage(5);
      const at50 = await statementsOfPage(50);
      expect(at50.map(shape).sort()).toEqual(at5.map(shape).sort());
      expect(at50).toHaveLength(at5.length);
    });
  });

  describe('pages and filters', () => {
    let brand: TestBrand;
    let author: TestMember;
    let reader: TestMember;
    /** The proposals of the brand by key, in the order they were created. */
    const ids: Record<string, string> = {};
    const created: string[] = [];

    // Made one after another, so newest-first is the reverse of this order.
    const SPECS: Record<string, ProposalSpec> = {
      pride: {
        title: 'Pride month message',
        issue: 'LGBTQ+ rights',
        urgency: 'ROUTINE',
        body: 'Love is love. Happy Pride from all of us.',
      },
      payUnderscore: {
        title: 'Quarterly numbers',
        issue: 'Pay Equity',
        urgency: 'ELEVATED',
        body: 'Our pay_gap closed this year.',
      },
      paySpace: {
        title: 'The pay gap, explained',
        issue: 'pay equity',
        urgency: 'ROUTINE',
        body: 'Women earn what men earn here.',
      },
      percent: {
        title: 'Power pledge',
        issue: 'Climate',
        urgency: 'CRISIS',
        body: '100% renewable electricity by 2027.',
      },
      noPercent: {
        title: 'Power progress',
        issue: 'CLIMATE',
        urgency: 'ROUTINE',
        body: '100 percent renewable is our goal.',
      },
      french: {
        title: 'Au travail',
        issue: 'Égalité salariale',
        urgency: 'ELEVATED',
        body: 'Même travail, même salaire.',
      },
      flood: {
        title: 'Flood relief',
        issue: 'Disaster relief',
        urgency: 'CRISIS',
        body: 'We are donating blankets to the shelters.',
      },
      ...Object.fromEntries(
        [1, 2, 3, 4, 5].map((n): [string, ProposalSpec] => [
          `volunteering${n}`,
          {
            title: `Volunteering day ${n}`,
            issue: 'Community',
            urgency: 'ROUTINE',
            body: `Our teams volunteer in town, round ${n}.`,
          },
        ]),
      ),
    };
    // No transition is served yet (they come with the approval issue): the states are set directly.
    const STATES: Record<string, ProposalState> = {
      paySpace: ProposalState.IN_REVIEW,
      percent: ProposalState.APPROVED,
      french: ProposalState.CHANGES_REQUESTED,
    };

    const newestFirst = (keys: string[]) =>
      [...created].reverse().filter((key) => keys.includes(key));
    const keyOf = (id: string) => Object.keys(ids).find((key) => ids[key] === id) ?? id;

    async function page(variables: Record<string, unknown>, token = reader.token) {
      return app.gql<{ proposals: Page }>(PAGE_QUERY, { brandId: brand.id, ...variables }, token);
    }

    /** Walks every page with `first`, checking what each page says, and returns the keys seen. */
    async function walk(first: number, filter?: Record<string, unknown>) {
      const seen: string[] = [];
      const totals: number[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 50; pages++) {
        const response = await page({ first, after, filter });
        expect(response.errors).toBeUndefined();
        const { edges, pageInfo, totalCount } = response.data!.proposals;
        seen.push(...edges.map((edge) => keyOf(edge.node.id)));
        totals.push(totalCount);
        if (!pageInfo.hasNextPage) {
          expect(edges.length).toBeGreaterThan(0);
          expect(pageInfo.endCursor).toBe(edges.at(-1)!.cursor);
          return { seen, totals, pages: pages + 1, endCursor: pageInfo.endCursor };
        }
        expect(edges).toHaveLength(first);
        expect(pageInfo.endCursor).toBe(edges.at(-1)!.cursor);
        after = pageInfo.endCursor;
      }
      throw new Error('hasNextPage never became false');
    }

    async function keysMatching(filter: Record<string, unknown>): Promise<string[]> {
      const response = await page({ first: 100, filter });
      expect(response.errors).toBeUndefined();
      const { edges, totalCount } = response.data!.proposals;
      expect(totalCount).toBe(edges.length);
      return edges.map((edge) => keyOf(edge.node.id));
    }

    beforeAll(async () => {
      const fixtures = app.fixtures;
      brand = await fixtures.brand();
      [author, reader] = await Promise.all([
        fixtures.member(brand.id, ['SOCIAL_MANAGER']),
        fixtures.member(brand.id, ['AUDITOR']),
      ]);
      for (const [key, spec] of Object.entries(SPECS)) {
        ids[key] = await createProposal(brand.id, author.token, spec);
        created.push(key);
      }
      await app.t.asSystem(async (ctx) => {
        for (const [key, state] of Object.entries(STATES)) {
          await ctx.em.update(ProposalEntity, { id: ids[key] }, { state });
        }
      });
    });

    describe('pagination', () => {
      it('walking pages with after: endCursor visits every proposal once, newest first', async () => {
        const { seen, totals, pages } = await walk(5);
        expect(seen).toEqual(newestFirst(created));
        expect(pages).toBe(3);
        expect(totals).toEqual([12, 12, 12]);
      });

      it('walks a filtered list the same way, with totalCount the filtered count', async () => {
        const filter = { urgencies: ['ROUTINE'] };
        const routine = created.filter((key) => SPECS[key].urgency === 'ROUTINE');
        const { seen, totals } = await walk(3, filter);
        expect(seen).toEqual(newestFirst(routine));
        expect(totals).toEqual([8, 8, 8]);
      });

      it('after the last cursor there is an empty last page', async () => {
        const { endCursor } = await walk(5);
        const response = await page({ first: 5, after: endCursor });
        expect(response.data?.proposals).toEqual({
          totalCount: 12,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: [],
        });
      });

      it('first may be 100', async () => {
        const response = await page({ first: 100 });
        expect(response.errors).toBeUndefined();
        expect(response.data?.proposals.edges).toHaveLength(12);
        expect(response.data?.proposals.pageInfo.hasNextPage).toBe(false);
      });

      it.each([101, 0, -1])('first: %d is BAD_USER_INPUT', async (first) => {
        const response = await page({ first });
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.data).toBeNull();
      });

      it.each([
        ['garbage', 'not a cursor'],
        ['base64 of something else', Buffer.from('not json').toString('base64url')],
        ['a cursor of an object', Buffer.from('{"id":1}').toString('base64url')],
      ])('a cursor that is %s is BAD_USER_INPUT', async (_what, after) => {
        const response = await page({ first: 5, after });
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.data).toBeNull();
      });

      it('Brand.proposals gives the same pages as proposals(brandId)', async () => {
        const BRAND_QUERY = `query ($brandId: ID!, $first: Int, $after: String, $filter: ProposalFilter) {
          brand(id: $brandId) {
            proposals(first: $first, after: $after, filter: $filter) {
              totalCount
              pageInfo { hasNextPage endCursor }
              edges { cursor node { id title } }
            }
          }
        }`;
        const viaBrand = async (variables: Record<string, unknown>) =>
          (
            await app.gql<{ brand: { proposals: Page } }>(
              BRAND_QUERY,
              { brandId: brand.id, ...variables },
              reader.token,
            )
          ).data?.brand.proposals;
        const viaQuery = async (variables: Record<string, unknown>) =>
          (await page(variables)).data?.proposals;

        const first = await viaQuery({ first: 4 });
        expect(first?.edges).toHaveLength(4);
        expect(await viaBrand({ first: 4 })).toEqual(first);
        const second = { first: 4, after: first?.pageInfo.endCursor };
        expect(await viaBrand(second)).toEqual(await viaQuery(second));
        const filtered = { first: 2, filter: { urgencies: ['CRISIS', 'ELEVATED'] } };
        expect(await viaBrand(filtered)).toEqual(await viaQuery(filtered));
        expect(await viaBrand({})).toEqual(await viaQuery({}));
      });
    });

    describe('filters', () => {
      it.each([
        [{ states: ['DRAFT'] }, ['pride', 'payUnderscore', 'noPercent', 'flood', 'volunteering']],
        [{ states: ['IN_REVIEW', 'APPROVED'] }, ['paySpace', 'percent']],
        [{ states: ['CHANGES_REQUESTED'] }, ['french']],
        [{ states: ['PUBLISHED'] }, []],
        [{ urgencies: ['CRISIS'] }, ['percent', 'flood']],
        [{ urgencies: ['CRISIS', 'ELEVATED'] }, ['payUnderscore', 'percent', 'french', 'flood']],
        [{ states: ['DRAFT'], urgencies: ['CRISIS'] }, ['flood']],
        [{ issue: 'pay equity' }, ['payUnderscore', 'paySpace']],
        [{ issue: 'PAY EQUITY' }, ['payUnderscore', 'paySpace']],
        [{ issue: 'Climate' }, ['percent', 'noPercent']],
        [{ issue: 'pay' }, []],
        [{ issue: 'climate', urgencies: ['ROUTINE'] }, ['noPercent']],
      ])('%j lists %j, newest first', async (filter, expected) => {
        const keys = expected.flatMap((key) =>
          key === 'volunteering' ? created.filter((k) => k.startsWith(key)) : [key],
        );
        expect(await keysMatching(filter)).toEqual(newestFirst(keys));
      });

      it('issue matches without regard to case beyond ASCII too', async () => {
        expect(await keysMatching({ issue: 'égalité SALARIALE' })).toEqual(['french']);
        expect(await keysMatching({ issue: 'ÉGALITÉ SALARIALE' })).toEqual(['french']);
      });

      it.each([
        ['a word of the title', 'pledge', ['percent']],
        ['a word of the issue', 'lgbtq+', ['pride']],
        ['a word of the drafts', 'shelters', ['flood']],
        ['a word in other case', 'SHELTERS', ['flood']],
        ['words found in different places', 'power 2027', ['percent']],
        ['words that are not all found', 'power blankets', []],
        ['a word found nowhere', 'zeppelin', []],
        ['"%" as a literal percent sign', '100%', ['percent']],
        ['"%" alone', '%', ['percent']],
        ['"_" as a literal underscore', 'pay_gap', ['payUnderscore']],
        ['"_" alone', '_', ['payUnderscore']],
        ['a backslash as a literal backslash', '\\', []],
      ])('search by %s: %j', async (_what, search, expected) => {
        expect(await keysMatching({ search })).toEqual(newestFirst(expected));
      });

      it('search finds the words of the current drafts, not of earlier revisions', async () => {
        expect(await keysMatching({ search: 'blankets' })).toEqual(['flood']);
        const revised = await app.gql(
          'mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { __typename } }',
          {
            input: {
              proposalId: ids.flood,
              drafts: [{ channel: 'LINKEDIN', body: 'We are donating drinking water.' }],
            },
          },
          author.token,
        );
        expect(revised.data).toEqual({ reviseProposal: { __typename: 'Proposal' } });
        expect(await keysMatching({ search: 'blankets' })).toEqual([]);
        expect(await keysMatching({ search: 'drinking water' })).toEqual(['flood']);
        expect(await keysMatching({ search: 'flood' })).toEqual(['flood']);
        expect(await keysMatching({ search: 'disaster' })).toEqual(['flood']);
      });
    });
  });
});
