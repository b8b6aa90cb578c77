import { REQUEST_BODY_LIMIT_BYTES } from '@standpoint/graphql';
import { CHANNEL_LIMITS } from '@standpoint/proposals';
import { TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const PRODUCTION = { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' };

const CREATE_PROPOSAL = `mutation ($input: CreateProposalInput!) {
  createProposal(input: $input) { id currentRevision { drafts { channel length limit } } }
}`;

/** JSON with every character written as \uXXXX, as clients that escape all non-ASCII send it. */
function escapedJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Posts a raw body to /graphql, as sent. */
function post(url: string, body: string, token?: string): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
}

/** The headers helmet adds to every response (with the API's own, strictest, policy). */
function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('x-powered-by')).toBeNull();
  expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(response.headers.get('x-permitted-cross-domain-policies')).toBe('none');
  expect(response.headers.get('x-dns-prefetch-control')).toBe('off');
  expect(response.headers.get('origin-agent-cluster')).toBe('?1');
}

const API_CSP = "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'";

describe('HTTP in production', () => {
  const app = useTestApp(AppModule, PRODUCTION);
  let brand: TestBrand;
  let manager: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER', 'CONTRIBUTOR', 'AUDITOR']);
  });

  const proposalInput = (drafts: { channel: string; body: string }[]) => ({
    input: {
      brandId: brand.id,
      title: 'Climate pledge',
      issue: 'Climate',
      stanceType: 'STATEMENT',
      urgency: 'ROUTINE',
      drafts,
    },
  });

  describe('the body limit', () => {
    it('admits the 60,000-character Facebook draft in é that used to be refused', async () => {
      const response = await app.gql(
        CREATE_PROPOSAL,
        proposalInput([{ channel: 'FACEBOOK', body: 'é'.repeat(60_000) }]),
        manager.token,
      );
      expect(response.status).toBe(200);
      expect(response.errors).toBeUndefined();
      expect(response.data!.createProposal.currentRevision.drafts).toEqual([
        { channel: 'FACEBOOK', length: 60_000, limit: 63_206 },
      ]);
    });

    it('admits every channel at its limit, each character JSON-escaped', async () => {
      // Facebook in é (one \u00e9 each); the others in emoji, two \uXXXX each.
      const emoji = (count: number) => '😀'.repeat(count);
      const drafts = [
        { channel: 'FACEBOOK', body: 'é'.repeat(CHANNEL_LIMITS.FACEBOOK.limit) },
        // X weighs an emoji 2.
        { channel: 'X', body: emoji(CHANNEL_LIMITS.X.limit / 2) },
        ...(['BLUESKY', 'THREADS', 'INSTAGRAM', 'TIKTOK', 'LINKEDIN'] as const).map((channel) => ({
          channel,
          body: emoji(CHANNEL_LIMITS[channel].limit),
        })),
      ];
      const body = escapedJson({ query: CREATE_PROPOSAL, variables: proposalInput(drafts) });
      expect(body.length).toBeGreaterThan(450_000);

      const response = await post(app.t.url, body, manager.token);
      const answer = await response.json();
      expect(response.status).toBe(200);
      expect(answer.errors).toBeUndefined();
      for (const draft of answer.data.createProposal.currentRevision.drafts)
        expect(draft.length).toBe(draft.limit);
    });

    it('leaves room for every channel at its limit in 12-byte escaped emoji', () => {
      // The worst case a channel rule admits: one code point, one surrogate pair, 12 bytes.
      const characters = Object.values(CHANNEL_LIMITS).reduce((sum, { limit }) => sum + limit, 0);
      expect(characters).toBe(71_686);
      expect(characters * 12 + 100_000).toBeLessThan(REQUEST_BODY_LIMIT_BYTES);
    });

    it('reads a body of exactly the limit, and answers one byte more with 413 in the GraphQL error shape', async () => {
      const sized = (bytes: number) => {
        const empty = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
        return JSON.stringify({
          query: '{ __typename }',
          variables: { pad: 'x'.repeat(bytes - empty.length) },
        });
      };
      expect(sized(REQUEST_BODY_LIMIT_BYTES)).toHaveLength(REQUEST_BODY_LIMIT_BYTES);

      const atLimit = await post(app.t.url, sized(REQUEST_BODY_LIMIT_BYTES));
      expect(atLimit.status).toBe(200);
      expect(await atLimit.json()).toMatchObject({ data: { __typename: 'Query' } });

      const over = await post(app.t.url, sized(REQUEST_BODY_LIMIT_BYTES + 1));
      expect(over.status).toBe(413);
      expect(over.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await over.json()).toEqual({
        errors: [
          {
            message: 'The request body is larger than the limit of 1,048,576 bytes',
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      });
      expectSecurityHeaders(over);
    });

    it('answers a body that is not JSON with 400 in the GraphQL error shape, and no stack', async () => {
      const response = await post(app.t.url, '{"query": "{ __typename }"');
      expect(response.status).toBe(400);
      const answer = await response.json();
      expect(answer).toEqual({
        errors: [
          {
            message: expect.stringMatching(/^The request body could not be read: /),
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
      expect(JSON.stringify(answer)).not.toMatch(/node_modules|\.[jt]s:\d+/);
    });
  });

  describe('security headers', () => {
    it("are on GraphQL answers and /health, with the API's policy", async () => {
      for (const response of [
        await post(app.t.url, JSON.stringify({ query: '{ __typename }' })),
        await fetch(`${app.t.url}/health`),
        await fetch(`${app.t.url}/no-such-route`),
      ]) {
        expectSecurityHeaders(response);
        expect(response.headers.get('content-security-policy')).toBe(API_CSP);
      }
    });

    it('are on the decision page, which keeps its own stricter policy', async () => {
      // A link that names nothing: the page that says so.
      const page = await fetch(`${app.t.url}/decide/${'A'.repeat(43)}`);
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expectSecurityHeaders(page);
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; /);
      // The page's form posts to itself: its policy, not the API's, is the one sent.
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toContain(API_CSP);
    });

    it('are on the printable decision record, which keeps its own policy', async () => {
      const proposal = await app.fixtures.proposal(brand.id, manager.token);
      const record = await fetch(`${app.t.url}/proposals/${proposal.id}/decision-record`, {
        headers: { authorization: `Bearer ${manager.token}` },
      });
      expect(record.status).toBe(200);
      expectSecurityHeaders(record);
      const csp = record.headers.get('content-security-policy')!;
      expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; /);
      expect(csp).not.toContain(API_CSP);
    });
  });
});

describe('HTTP in development', () => {
  const app = useTestApp(AppModule);

  it('puts the security headers on the development mailbox, which keeps its own policy', async () => {
    const mailbox = await fetch(`${app.t.url}/dev/mailbox`);
    expect(mailbox.status).toBe(200);
    expectSecurityHeaders(mailbox);
    expect(mailbox.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'/,
    );
  });

  it('holds the same body limit', async () => {
    const response = await post(app.t.url, `{"query":"${'x'.repeat(REQUEST_BODY_LIMIT_BYTES)}"}`);
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
