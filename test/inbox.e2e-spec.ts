import { TypeOrmLogger } from '@standpoint/database';
import { errorCodes, TestBrand, TestMember, TestProposal, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const INBOX = `query ($brandId: ID!, $first: Int, $after: String, $filter: ProposalFilter) {
  proposals(brandId: $brandId, first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title brand { id } approvalSteps { name status dueAt } } }
  }
}`;
const AWAITING = { awaitingMyDecision: true };
const DAY = 86_400_000;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; title: string; brand: { id: string } } }[];
}

/**
 * The approver's inbox, `ProposalFilter.awaitingMyDecision`: what awaits the viewer's own decision
 * on the current words, soonest deadline first, and only in the brand asked about.
 */
describe("the approver's inbox", () => {
  // The worker's heartbeat would add its own statements to the ones counted below.
  const app = useTestApp(AppModule, { WORKER_INTERVAL_MS: '3600000' });
  let brand: TestBrand;
  let manager: TestMember;
  let reviser: TestMember;
  let ann: TestMember;
  let ben: TestMember;

  const inbox = async (member: TestMember, options: Record<string, unknown> = {}) =>
    (
      await app.data<{ proposals: Page }>(
        INBOX,
        { brandId: brand.id, filter: AWAITING, ...options },
        member.token,
      )
    ).proposals;
  const titles = async (member: TestMember, options: Record<string, unknown> = {}) =>
    (await inbox(member, { first: 100, ...options })).edges.map((e) => e.node.title);
  const decide = async (member: TestMember, proposal: TestProposal, input = {}) => {
    const data = await app.data(
      `mutation ($input: DecideInput!) { decide(input: $input) { __typename } }`,
      {
        input: {
          proposalId: proposal.id,
          contentHash: proposal.contentHash,
          outcome: 'APPROVE',
          ...input,
        },
      },
      member.token,
    );
    expect(data.decide.__typename).toBe('Decision');
  };
  const inReview = (title: string, deadlineInDays: number | null, by = manager) =>
    app.fixtures.inReview(brand.id, by.token, {
      title,
      decisionDeadline:
        deadlineInDays === null
          ? undefined
          : new Date(Date.now() + deadlineInDays * DAY).toISOString(),
    });

  beforeAll(async () => {
    const f = app.fixtures;
    brand = await f.brand();
    [manager, reviser, ann, ben] = await Promise.all([
      f.member(brand.id, ['SOCIAL_MANAGER']),
      f.member(brand.id, ['SOCIAL_MANAGER', 'APPROVER']),
      f.member(brand.id, ['APPROVER']),
      f.member(brand.id, ['APPROVER']),
    ]);
    // Two of the three approvers must approve: each keeps it in their inbox until they decide.
    await f.policy(brand.id, [
      { name: 'Leadership', role: 'APPROVER', quorum: 'COUNT', minApprovals: 2 },
    ]);
  });

  it('lists what awaits each approver, soonest deadline first, before and after their decisions', async () => {
    const later = await inReview('In three days', 3);
    const sooner = await inReview('Tomorrow', 1);
    const whenever = await inReview('No deadline', null);
    await app.fixtures.proposal(brand.id, manager.token, { title: 'Still a draft' });
    const order = ['Tomorrow', 'In three days', 'No deadline'];
    expect(await titles(ann)).toEqual(order);
    expect(await titles(ben)).toEqual(order);
    expect((await inbox(ann)).totalCount).toBe(3);
    // Without the filter (or with it false) the list is the brand's, newest first.
    const all = (await inbox(ann, { filter: null, first: 100 })).edges.map((e) => e.node.title);
    expect(all.slice(0, 4)).toEqual(['Still a draft', 'No deadline', 'Tomorrow', 'In three days']);
    expect((await inbox(ann, { filter: { awaitingMyDecision: false } })).totalCount).toBe(4);

    await decide(ann, sooner);
    expect(await titles(ann)).toEqual(['In three days', 'No deadline']);
    expect(await titles(ben)).toEqual(order);

    expect(await titles(reviser)).toEqual(order);
    await decide(ben, sooner);
    expect(await titles(ben)).toEqual(['In three days', 'No deadline']);
    // Two approvals: approved, so it no longer awaits the third approver either.
    expect(await titles(reviser)).toEqual(['In three days', 'No deadline']);

    // A rejection ends the review for everyone.
    await decide(ben, later, { outcome: 'REJECT', comment: 'Not this time' });
    expect(await titles(ann)).toEqual(['No deadline']);
    expect(await titles(ben)).toEqual(['No deadline']);
    // Done: nothing left in either inbox.
    await decide(ann, whenever);
    await decide(ben, whenever);
    expect(await titles(ann)).toEqual([]);
    expect(await titles(ben)).toEqual([]);
    expect(await titles(reviser)).toEqual([]);
  });

  it('brings a proposal back when its words change, and never lists it to the one who changed them', async () => {
    const proposal = await inReview('Revised in review', 2);
    expect(await titles(reviser)).toEqual(['Revised in review']);
    await decide(ann, proposal);
    expect(await titles(ann)).toEqual([]);

    await app.data(
      `mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { __typename } }`,
      { input: { proposalId: proposal.id, drafts: [{ channel: 'X', body: 'New words' }] } },
      reviser.token,
    );
    // Ann's approval is for other words: it awaits her again; the reviser wrote these words.
    expect(await titles(ann)).toEqual(['Revised in review']);
    expect(await titles(ben)).toEqual(['Revised in review']);
    expect(await titles(reviser)).toEqual([]);
    // Its author, a social manager, never had it in an inbox.
    expect(await titles(manager)).toEqual([]);
  });

  it('follows the membership: an approver re-added as AUDITOR or CONTRIBUTOR has nothing awaiting, nor after APPROVER is given back', async () => {
    expect(await titles(ben)).toEqual(['Revised in review']);
    for (const roles of [['AUDITOR'], ['CONTRIBUTOR']]) {
      await app.fixtures.member(brand.id, roles, ben);
      expect((await inbox(ben)).totalCount).toBe(0);
      expect(await titles(ben)).toEqual([]);
      // The demotion took them off the step; the role given back does not ask them again.
      await app.fixtures.member(brand.id, ['APPROVER'], ben);
      expect(await titles(ben)).toEqual([]);
    }
  });

  it('lists to a member a step names by id, while they hold a deciding role', async () => {
    const named = await app.fixtures.brand();
    const [author, lawyer, colleague] = await Promise.all([
      app.fixtures.member(named.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(named.id, ['REVIEWER']),
      app.fixtures.member(named.id, ['REVIEWER']),
    ]);
    await app.fixtures.policy(named.id, [
      { name: 'Legal', approverIds: [lawyer.id], quorum: 'ANY' },
    ]);
    await app.fixtures.inReview(named.id, author.token, { title: 'For the lawyer' });
    const awaiting = async (member: TestMember) =>
      (
        await app.data<{ proposals: Page }>(
          INBOX,
          { brandId: named.id, filter: AWAITING },
          member.token,
        )
      ).proposals.edges.map((e) => e.node.title);
    expect(await awaiting(lawyer)).toEqual(['For the lawyer']);
    // The same role, not named: nothing awaits them.
    expect(await awaiting(colleague)).toEqual([]);
    await app.fixtures.member(named.id, ['AUDITOR'], lawyer);
    expect(await awaiting(lawyer)).toEqual([]);
  });

  it('walks the inbox page by page with its cursors, ties and no deadline included', async () => {
    const sameDay = new Date(Date.now() + 5 * DAY).toISOString();
    for (const [title, deadline] of [
      ['Page A', new Date(Date.now() + DAY).toISOString()],
      ['Page B', undefined],
      ['Page C', undefined],
      ['Page D', sameDay],
      ['Page E', sameDay],
    ]) {
      await app.fixtures.inReview(brand.id, manager.token, { title, decisionDeadline: deadline });
    }
    const expected = ['Page A', 'Revised in review', 'Page D', 'Page E', 'Page B', 'Page C'];
    expect(await titles(ann)).toEqual(expected);
    for (const first of [1, 2, 4]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < expected.length; i++) {
        const page: Page = await inbox(ann, { first, after });
        expect(page.totalCount).toBe(expected.length);
        seen.push(...page.edges.map((e) => e.node.title));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    }
  });

  it('refuses a cursor of another list', async () => {
    const newest = (await inbox(ann, { filter: null, first: 1 })).pageInfo.endCursor;
    for (const after of [newest, 'not-a-cursor']) {
      const refused = await app.gql(
        INBOX,
        { brandId: brand.id, filter: AWAITING, after },
        ann.token,
      );
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('never crosses brands: each brand lists its own, and a stranger learns nothing', async () => {
    const other = await app.fixtures.brand();
    const otherManager = await app.fixtures.member(other.id, ['SOCIAL_MANAGER']);
    await app.fixtures.member(other.id, ['APPROVER'], ann);
    const outsider = await app.fixtures.member(other.id, ['APPROVER']);
    await app.fixtures.inReview(other.id, otherManager.token, { title: 'In the other brand' });

    const inBrand = async (brandId: string, member: TestMember) =>
      (
        await app.data<{ proposals: Page }>(
          INBOX,
          { brandId, filter: AWAITING, first: 100 },
          member.token,
        )
      ).proposals.edges.map((e) => [e.node.title, e.node.brand.id]);
    expect(await inBrand(other.id, ann)).toEqual([['In the other brand', other.id]]);
    expect((await inBrand(brand.id, ann)).map(([, brandId]) => brandId)).toEqual(
      Array(6).fill(brand.id),
    );
    expect(await inBrand(other.id, outsider)).toEqual([['In the other brand', other.id]]);
    // Brand.proposals answers the same.
    const viaBrand = await app.data(
      `query ($id: ID!) { brand(id: $id) { proposals(filter: { awaitingMyDecision: true }) { edges { node { title } } } } }`,
      { id: other.id },
      ann.token,
    );
    expect(viaBrand.brand.proposals.edges).toEqual([{ node: { title: 'In the other brand' } }]);
    const stranger = await app.gql(INBOX, { brandId: brand.id, filter: AWAITING }, outsider.token);
    expect(stranger.data).toBeNull();
    expect(errorCodes(stranger)).toHaveLength(1);
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(errorCodes(stranger)[0]);
  });

  it('costs the same SQL statements for a page of 2 as for a page of 12', async () => {
    const counted = await app.fixtures.brand();
    const [countedManager, countedApprover] = await Promise.all([
      app.fixtures.member(counted.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(counted.id, ['APPROVER']),
    ]);
    for (let batch = 0; batch < 3; batch++) {
      await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          app.fixtures.inReview(counted.id, countedManager.token, {
            title: `Counted ${batch * 4 + i}`,
            decisionDeadline: new Date(Date.now() + (batch * 4 + i + 1) * DAY).toISOString(),
          }),
        ),
      );
    }
    const logQuery = jest.spyOn(TypeOrmLogger.prototype, 'logQuery');
    try {
      const statementsOf = async (first: number) => {
        logQuery.mockClear();
        const page = await app.data<{ proposals: Page }>(
          INBOX,
          { brandId: counted.id, filter: AWAITING, first },
          countedApprover.token,
        );
        expect(page.proposals.edges).toHaveLength(first);
        return (logQuery.mock.calls as unknown as [string][]).map(([sql]) => shape(sql)).sort();
      };
      const at2 = await statementsOf(2);
      const at12 = await statementsOf(12);
      expect(at2.length).toBeGreaterThan(0);
      expect(at12).toEqual(at2);
    } finally {
      logQuery.mockRestore();
    }
  });
});

/** A statement's shape: the same at any page size (IN lists, placeholders, LIMIT folded). */
function shape(sql: string): string {
  return sql
    .replace(/\bIN \([^)]*\)/gi, 'IN (…)')
    .replace(/\$\d+/g, '?')
    .replace(/\bLIMIT \d+/gi, 'LIMIT n')
    .replace(/\s+/g, ' ');
}
