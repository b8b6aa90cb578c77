import { AuditService } from '@standpoint/audit';
import { Clock } from '@standpoint/database';
import { IdempotencyStore } from '@standpoint/graphql';
import { TestMember, useTestApp, waitFor } from '@standpoint/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';

const CREATE_BRAND =
  'mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id name slug } }';

/** A mutation sent with an Idempotency-Key is performed once; a retry gets the first answer. */
describe('Idempotency-Key', () => {
  const app = useTestApp(AppModule);
  let admin: string;

  beforeAll(async () => {
    admin = await app.fixtures.admin();
  });
  afterEach(() => jest.restoreAllMocks());

  /** Posts a GraphQL body as a client would, keeping the raw answer. */
  const post = async (
    body: Record<string, unknown>,
    token: string | undefined,
    key: string | undefined,
  ) => {
    const response = await fetch(`${app.t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key !== undefined ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      json: JSON.parse(text),
      replayed: response.headers.get('idempotent-replayed'),
    };
  };
  const createBrand = (slug: string, key: string | undefined, token = admin) =>
    post(
      { query: CREATE_BRAND, variables: { input: { name: `Brand ${slug}`, slug } } },
      token,
      key,
    );
  const brandSlugs = async () => {
    const response = await app.gql<{ brands: { slug: string }[] }>(
      '{ brands { slug } }',
      {},
      admin,
    );
    return response.data!.brands.map((b) => b.slug);
  };
  const auditActions = (brandId: string) =>
    app.t.asSystem(async (ctx) =>
      (await app.t.app.get(AuditService).chain(ctx, brandId)).map((e) => e.action),
    );

  it('replays the first answer to a retry, byte for byte, and leaves one brand and one audit event', async () => {
    const key = randomUUID();
    const first = await createBrand('replayed', key);
    const retry = await createBrand('replayed', key);

    expect(first.status).toBe(200);
    expect(first.json.errors).toBeUndefined();
    expect(retry.status).toBe(first.status);
    expect(retry.text).toBe(first.text);
    expect([first.replayed, retry.replayed]).toEqual([null, 'true']);
    expect((await brandSlugs()).filter((slug) => slug === 'replayed')).toHaveLength(1);
    expect(await auditActions(first.json.data.createBrand.id)).toEqual(['brand.created']);
  });

  it('replays an error answer too, without performing the mutation again', async () => {
    const key = randomUUID();
    const first = await createBrand('replayed', key); // the slug is taken by the test above
    const retry = await createBrand('replayed', key);

    expect(first.json.errors).toHaveLength(1);
    expect([retry.status, retry.text, retry.replayed]).toEqual([first.status, first.text, 'true']);
  });

  it('treats the same variables in another order as the same request', async () => {
    const key = randomUUID();
    const first = await post(
      { query: CREATE_BRAND, variables: { input: { name: 'Ordered', slug: 'ordered' } } },
      admin,
      key,
    );
    const retry = await post(
      { query: CREATE_BRAND, variables: { input: { slug: 'ordered', name: 'Ordered' } } },
      admin,
      key,
    );
    expect(retry.text).toBe(first.text);
    expect(retry.replayed).toBe('true');
  });

  it('refuses the same key with another body (422, BAD_USER_INPUT naming the header) and performs nothing', async () => {
    const key = randomUUID();
    await createBrand('first-body', key);

    const other = await createBrand('second-body', key);

    expect(other.status).toBe(422);
    expect(other.json.errors).toEqual([
      {
        message: expect.stringContaining('Idempotency-Key was already used for another request'),
        extensions: { code: 'BAD_USER_INPUT', header: 'Idempotency-Key' },
      },
    ]);
    expect(other.json.data).toBeUndefined();
    expect(await brandSlugs()).not.toContain('second-body');
  });

  it("keeps two callers' keys apart: the same key and body from each is performed for each", async () => {
    const brand = await app.fixtures.brand();
    const proposal = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
    const create = await app.gql(
      'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
      {
        input: {
          brandId: brand.id,
          title: 'Shared key',
          issue: 'Climate',
          stanceType: 'STATEMENT',
          urgency: 'ROUTINE',
          drafts: [{ channel: 'X', body: 'Words' }],
        },
      },
      proposal.token,
    );
    const proposalId = create.data!.createProposal.id;
    const members: TestMember[] = [
      await app.fixtures.member(brand.id, ['REVIEWER']),
      await app.fixtures.member(brand.id, ['REVIEWER']),
    ];
    const key = randomUUID();
    const body = {
      query: 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id body } }',
      variables: { input: { proposalId, body: 'Same words, same key' } },
    };

    const answers = [];
    for (const member of members) answers.push(await post(body, member.token, key));

    expect(answers.map((a) => [a.status, a.replayed, a.json.errors])).toEqual([
      [200, null, undefined],
      [200, null, undefined],
    ]);
    expect(answers[0].json.data.addComment.id).not.toBe(answers[1].json.data.addComment.id);
    expect(await auditActions(brand.id)).toEqual(
      expect.arrayContaining(['comment.added', 'comment.added']),
    );
    expect((await auditActions(brand.id)).filter((a) => a === 'comment.added')).toHaveLength(2);
  });

  it('refuses a retry while the first request is still running (409, CONFLICT), then replays the first answer', async () => {
    const store = app.t.app.get(IdempotencyStore);
    const complete = store.complete.bind(store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let recording = false;
    // The first request has done its work and is about to record its answer when the retry comes.
    jest.spyOn(store, 'complete').mockImplementationOnce(async (...args) => {
      recording = true;
      await gate;
      return complete(...args);
    });
    const key = randomUUID();

    const first = createBrand('slow', key);
    await waitFor('the first request to be recording', () => recording, { intervalMs: 5 });
    const during = await createBrand('slow', key);
    release();
    const firstAnswer = await first;
    const after = await createBrand('slow', key);

    expect(during.status).toBe(409);
    expect(during.json.errors).toEqual([
      {
        message: expect.stringMatching(/Idempotency-Key is still being performed/),
        extensions: { code: 'CONFLICT', header: 'Idempotency-Key' },
      },
    ]);
    expect(firstAnswer.json.errors).toBeUndefined();
    expect([after.status, after.text]).toEqual([firstAnswer.status, firstAnswer.text]);
    expect((await brandSlugs()).filter((slug) => slug === 'slow')).toHaveLength(1);
  });

  it('keeps a key 24 hours, then ignores it', async () => {
    const clock = app.t.app.get(Clock);
    const start = Date.now();
    const at = (ms: number) => jest.spyOn(clock, 'now').mockReturnValue(new Date(start + ms));
    const key = randomUUID();
    at(0);
    await createBrand('kept-a-day', key);

    at(24 * 3600_000 - 60_000);
    expect((await createBrand('after-a-day', key)).status).toBe(422);

    at(24 * 3600_000 + 60_000);
    const later = await createBrand('after-a-day', key);
    expect([later.status, later.replayed, later.json.errors]).toEqual([200, null, undefined]);
    expect(await brandSlugs()).toContain('after-a-day');
  });

  it('ignores the header on queries', async () => {
    const key = randomUUID();
    const query = { query: '{ brands { slug } }' };
    const before = await post(query, admin, key);
    await createBrand('seen-by-the-query', undefined);
    const again = await post(query, admin, key);

    expect(again.replayed).toBeNull();
    expect(before.json.data.brands.map((b: { slug: string }) => b.slug)).not.toContain(
      'seen-by-the-query',
    );
    expect(again.json.data.brands.map((b: { slug: string }) => b.slug)).toContain(
      'seen-by-the-query',
    );
  });

  it('refuses a malformed key (400, BAD_USER_INPUT) and performs nothing', async () => {
    const answer = await createBrand('bad-key', 'x'.repeat(256));

    expect(answer.status).toBe(400);
    expect(answer.json.errors[0]).toEqual({
      message: 'Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID',
      extensions: { code: 'BAD_USER_INPUT', header: 'Idempotency-Key' },
    });
    expect(await brandSlugs()).not.toContain('bad-key');
  });
});
