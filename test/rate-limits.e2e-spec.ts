import { OutboxMessageEntity } from '@standpoint/notifications';
import { errorCodes, TestMember, useTestApp } from '@standpoint/testing';
import { randomBytes } from 'node:crypto';
import { AppModule } from '../src/app.module';

/** Decision-page form posts one address may send within ten minutes. */
const PAGE_POSTS = 100;
/** Mutations one member may send within a minute. */
const MUTATIONS = 300;
/** Mention emails one member's comments may cause within an hour. */
const MENTION_EMAILS = 100;

/** A link that names nothing: the page answers 404, after the limit has counted the request. */
const unknownToken = () => `unknown-${randomBytes(4).toString('hex')}`;

/** Sends `count` requests, `batch` at a time; answers their answers in order. */
async function inBatches<T>(count: number, send: (i: number) => Promise<T>, batch = 50) {
  const answers: T[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    answers.push(...(await Promise.all(Array.from({ length: size }, (_, i) => send(start + i)))));
  }
  return answers;
}

describe('rate limits, behind one trusted proxy', () => {
  const app = useTestApp(AppModule, { TRUST_PROXY: '1' });

  /** A decision-page request from `address`, as its status, Retry-After and page. */
  const page = async (method: 'GET' | 'POST', address: string) => {
    const response = await fetch(`${app.t.url}/decide/${unknownToken()}`, {
      method,
      headers: {
        'x-forwarded-for': address,
        ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(method === 'POST' ? { body: new URLSearchParams({ decision: 'APPROVE' }) } : {}),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      type: response.headers.get('content-type'),
      csp: response.headers.get('content-security-policy'),
      html: await response.text(),
    };
  };

  it(`answers post number ${PAGE_POSTS + 1} to the decision page from one address in ten minutes with 429, Retry-After and a plain page`, async () => {
    const answers = await inBatches(PAGE_POSTS, () => page('POST', '198.51.100.30'));
    expect(answers.map((a) => a.status)).toEqual(Array(PAGE_POSTS).fill(404));

    const refused = await page('POST', '198.51.100.30');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);
    expect(refused.type).toMatch(/^text\/html/);
    expect(refused.csp).toContain("default-src 'none'");
    expect(refused.html).toContain('<h1>Too many attempts</h1>');
    expect(refused.html).toContain('nothing was recorded');
    // Opening a page is not a post; another address posts as before.
    expect((await page('GET', '198.51.100.30')).status).toBe(404);
    expect((await page('POST', '192.0.2.30')).status).toBe(404);
  });

  describe('members', () => {
    let brandId: string;
    let author: TestMember;
    let proposalId: string;

    beforeAll(async () => {
      brandId = (await app.fixtures.brand()).id;
      author = await app.fixtures.member(brandId, ['SOCIAL_MANAGER']);
      proposalId = (await app.fixtures.proposal(brandId, author.token)).id;
    });

    it(`refuses mutation number ${MUTATIONS + 1} of a member within a minute, and only theirs`, async () => {
      const [busy, colleague] = [
        await app.fixtures.member(brandId, ['APPROVER']),
        await app.fixtures.member(brandId, ['APPROVER']),
      ];
      const mutate = (member: TestMember) =>
        app.gql(
          'mutation { submitProposal(proposalId: "prp_none") { __typename } }',
          {},
          member.token,
        );

      const answers = await inBatches(MUTATIONS, () => mutate(busy));
      expect(answers.flatMap(errorCodes)).not.toContain('TOO_MANY_REQUESTS');

      const refused = await mutate(busy);
      expect(errorCodes(refused)).toEqual(['TOO_MANY_REQUESTS']);
      expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(60);
      // Reading is not limited; a colleague at the same address changes things as before.
      expect((await app.gql('{ viewer { id } }', {}, busy.token)).errors).toBeUndefined();
      expect(errorCodes(await mutate(colleague))).toEqual(['NOT_FOUND']);
    });

    it(`refuses a comment that would send more than ${MENTION_EMAILS} mention emails in an hour, writing nothing`, async () => {
      const admin = await app.fixtures.admin();
      const colleagues: string[] = [];
      for (let i = 0; i < 10; i++) {
        const email = `colleague-${i}-${randomBytes(3).toString('hex')}@example.test`;
        const added = await app.gql(
          'mutation ($input: AddMemberInput!) { addMember(input: $input) { roles } }',
          { input: { brandId, email, name: `Colleague ${i}`, roles: ['REVIEWER'] } },
          admin,
        );
        expect(added.errors).toBeUndefined();
        colleagues.push(email);
      }
      const comment = (body: string) =>
        app.gql(
          'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
          { input: { proposalId, body } },
          author.token,
        );
      const mentioningAll = colleagues.map((email) => `@${email}`).join(' ');
      const mentionEmails = () =>
        app.t.asSystem((ctx) =>
          ctx.em.countBy(OutboxMessageEntity, { topic: 'comment.mentioned' }),
        );
      const comments = async () =>
        (
          await app.data(
            'query ($id: ID!) { node(id: $id) { ... on Proposal { comments { id } } } }',
            { id: proposalId },
            author.token,
          )
        ).node.comments.length;

      for (let i = 0; i < MENTION_EMAILS / colleagues.length; i++) {
        expect((await comment(`Please look, ${mentioningAll}`)).errors).toBeUndefined();
      }
      expect(await mentionEmails()).toBe(MENTION_EMAILS);
      const [emailsBefore, commentsBefore] = [await mentionEmails(), await comments()];

      const refused = await comment(`One more, @${colleagues[0]}`);
      expect(errorCodes(refused)).toEqual(['TOO_MANY_REQUESTS']);
      expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(3600);
      expect([await mentionEmails(), await comments()]).toEqual([emailsBefore, commentsBefore]);
      // A comment that tells nobody is still welcome.
      expect((await comment('Without mentions')).errors).toBeUndefined();
    });
  });
});

describe('rate limits without TRUST_PROXY', () => {
  const app = useTestApp(AppModule);

  it('ignores X-Forwarded-For: a client cannot choose the address it is counted under', async () => {
    const post = (address: string) =>
      fetch(`${app.t.url}/decide/${unknownToken()}`, {
        method: 'POST',
        headers: {
          'x-forwarded-for': address,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ decision: 'APPROVE' }),
      }).then((response) => response.status);
    const statuses = await inBatches(PAGE_POSTS, (i) => post(`203.0.113.${i}`));
    expect(statuses).toEqual(Array(PAGE_POSTS).fill(404));
    expect(await post('192.0.2.99')).toBe(429);
  });
});
