import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { AuditEventBus } from '@standpoint/audit';
import { trustedDocumentId } from '@standpoint/config';
import {
  errorCodes,
  GraphQLResponse,
  startTestApp,
  subscribe,
  TestApp,
  TestBrand,
  TestMember,
  TestSubscription,
  useTestApp,
  waitFor,
} from '@standpoint/testing';
import { getIntrospectionQuery, parse } from 'graphql';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';

const VIEWER = 'query Viewer { viewer { id email } }';
const ADD_COMMENT =
  'mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { id body } }';
const PROPOSAL_EVENTS =
  'subscription ProposalEvents($brandId: ID!) { proposalEvents(brandId: $brandId) { action proposal { id } } }';
/** Trusted, yet over the alias limit: the manifest does not lift the query limits. */
const TOO_MANY_ALIASES = `query Aliases { ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`;

/** A text as GraphQL Code Generator's client preset prints it into the manifest. */
const printed = (text: string) => printExecutableGraphQLDocument(parse(text));
const idOf = (text: string) => trustedDocumentId(printed(text));
const hexOf = (text: string) => idOf(text).slice('sha256:'.length);

type Answer = GraphQLResponse<Record<string, any>> & { status: number };

/**
 * GRAPHQL_TRUSTED_DOCUMENTS (docs/security/trusted-documents.md): an API instance that runs only the
 * documents of its manifest, beside one without the setting on the same database (which the
 * fixtures use, and which shows that nothing changes without it).
 */
describe('trusted documents', () => {
  const app = useTestApp(AppModule);
  let trusted: TestApp;
  let manifestDir: string;
  let brand: TestBrand;
  let manager: TestMember;
  let proposalId: string;
  const open: TestSubscription[] = [];

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER', 'CONTRIBUTOR', 'AUDITOR']);
    proposalId = (await app.fixtures.proposal(brand.id, manager.token)).id;
    manifestDir = mkdtempSync(join(tmpdir(), 'standpoint-trusted-'));
    const manifest = join(manifestDir, 'persisted-documents.json');
    const documents = [VIEWER, ADD_COMMENT, PROPOSAL_EVENTS, TOO_MANY_ALIASES].map(printed);
    writeFileSync(
      manifest,
      JSON.stringify(Object.fromEntries(documents.map((text) => [trustedDocumentId(text), text]))),
    );
    trusted = await startTestApp(
      AppModule,
      { GRAPHQL_TRUSTED_DOCUMENTS: manifest },
      { database: app.t.database },
    );
  });

  afterAll(async () => {
    await Promise.all(open.map((subscription) => subscription.close()));
    await trusted?.close();
    rmSync(manifestDir, { recursive: true, force: true });
  });

  /** POSTs `body` as it is to an instance's GraphQL path, signed in as the manager. */
  const post = async (body: unknown, to: TestApp = trusted): Promise<Answer> => {
    const response = await fetch(`${to.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager.token}` },
      body: JSON.stringify(body),
    });
    return { ...((await response.json()) as GraphQLResponse<never>), status: response.status };
  };

  const commentCount = async () => {
    const { proposal } = await app.data(
      'query ($id: ID!) { proposal(id: $id) { comments { id } } }',
      { id: proposalId },
      manager.token,
    );
    return (proposal.comments as unknown[]).length;
  };

  const expectRefused = (answer: Answer, code: string) => {
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(errorCodes(answer)).toEqual([code]);
  };

  describe('runs a document of the manifest', () => {
    it.each([
      ['by its documentId', { documentId: idOf(VIEWER) }],
      ['by its documentId without the sha256: prefix', { documentId: hexOf(VIEWER) }],
      [
        "by Apollo's persistedQuery extension, which Apollo's own persisted queries leave alone",
        { extensions: { persistedQuery: { version: 1, sha256Hash: hexOf(VIEWER) } } },
      ],
      ['by its text as the manifest prints it', { query: printed(VIEWER) }],
      [
        'by its text formatted otherwise',
        { query: `# mine\n${VIEWER.replace('id email', 'email\n id')}` },
      ],
    ])('%s', async (_, body) => {
      const answer = await post(body);

      expect(answer.errors).toBeUndefined();
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({ viewer: { id: manager.id, email: manager.email } });
    });

    it.each([
      ['its documentId', { documentId: idOf(VIEWER) }],
      [
        "Apollo's persistedQuery extension (useGETForHashedQueries)",
        {
          extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hexOf(VIEWER) } }),
        },
      ],
    ])('by %s in a GET query string', async (_, params) => {
      const response = await fetch(`${trusted.url}/graphql?${new URLSearchParams(params)}`, {
        headers: { authorization: `Bearer ${manager.token}`, 'apollo-require-preflight': 'true' },
      });

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        data: { viewer: { id: manager.id, email: manager.email } },
        extensions: expect.anything(),
      });
    });

    it('with its variables: a trusted mutation writes', async () => {
      const before = await commentCount();

      const answer = await post({
        documentId: idOf(ADD_COMMENT),
        variables: { input: { proposalId, body: 'Trusted words' } },
      });

      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({
        addComment: { id: expect.any(String), body: 'Trusted words' },
      });
      expect(await commentCount()).toBe(before + 1);
    });

    it('within the query limits all the same', async () => {
      const answer = await post({ documentId: idOf(TOO_MANY_ALIASES) });

      expectRefused(answer, 'QUERY_TOO_COMPLEX');
      expect(answer.errors![0].message).toBe('Alias count 16 exceeds the limit of 15');
    });
  });

  describe('refuses with HTTP 400 and a stable code', () => {
    it('an id the manifest lacks: PERSISTED_QUERY_NOT_FOUND', async () => {
      const unknown = idOf('query Other { viewer { id } }');

      const byId = await post({ documentId: unknown });
      const byApollo = await post({
        extensions: { persistedQuery: { version: 1, sha256Hash: unknown.slice(7) } },
      });

      expectRefused(byId, 'PERSISTED_QUERY_NOT_FOUND');
      expect(byId.errors![0].message).toBe(`No trusted document has the id "${unknown}"`);
      expectRefused(byApollo, 'PERSISTED_QUERY_NOT_FOUND');
    });

    it.each([
      ['a query of its own', { query: '{ __typename }' }],
      ['the introspection query', { query: getIntrospectionQuery() }],
      [
        'a trusted operation asking for more',
        { query: 'query Viewer { viewer { id email name } }' },
      ],
      ['no document at all', { variables: {} }],
      ['text that is not GraphQL', { query: 'viewer {' }],
    ])('%s: DOCUMENT_NOT_TRUSTED', async (_, body) => {
      expectRefused(await post(body), 'DOCUMENT_NOT_TRUSTED');
    });

    it('the same documents in a GET query string', async () => {
      const response = await fetch(
        `${trusted.url}/graphql?query=${encodeURIComponent('{ __typename }')}`,
        {
          headers: { 'apollo-require-preflight': 'true' },
        },
      );

      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].extensions).toEqual({
        code: 'DOCUMENT_NOT_TRUSTED',
      });
    });

    it.each([['/graphql/'], ['/graphql/more'], ['/GraphQL']])(
      'the same documents on %s, which Apollo Server would answer too',
      async (path) => {
        const response = await fetch(`${trusted.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });

        expect(response.status).toBe(400);
        expect((await response.json()).errors[0].extensions).toEqual({
          code: 'DOCUMENT_NOT_TRUSTED',
        });
      },
    );

    it('a mutation not in the manifest, before anything is written', async () => {
      const before = await commentCount();

      const answer = await post({
        query:
          'mutation { addComment(input: { proposalId: "x", body: "Untrusted" }) { id } }'.replace(
            '"x"',
            JSON.stringify(proposalId),
          ),
      });

      expectRefused(answer, 'DOCUMENT_NOT_TRUSTED');
      expect(await commentCount()).toBe(before);
    });
  });

  describe('over WebSocket', () => {
    const listen = (query: string, payload?: Record<string, unknown>) => {
      const subscription = subscribe(
        trusted.url,
        query,
        { brandId: brand.id },
        { authorization: `Bearer ${manager.token}` },
        payload,
      );
      open.push(subscription);
      return subscription;
    };

    it('refuses a subscription not in the manifest', async () => {
      const subscription = listen(
        'subscription ($brandId: ID!) { proposalEvents(brandId: $brandId) { action } }',
      );

      const failure = await subscription.failed;

      expect(failure.errors?.map((error) => error.extensions?.code)).toEqual([
        'DOCUMENT_NOT_TRUSTED',
      ]);
    });

    it('refuses an id the manifest lacks', async () => {
      const subscription = listen('', { documentId: idOf('subscription Other { __typename }') });

      const failure = await subscription.failed;

      expect(failure.errors?.map((error) => error.extensions?.code)).toEqual([
        'PERSISTED_QUERY_NOT_FOUND',
      ]);
    });

    it('runs a trusted subscription named by its documentId (graphql-ws wants a query: "")', async () => {
      const bus = trusted.app.get(AuditEventBus);
      const before = bus.listenerCount(brand.id);
      const subscription = listen('', { documentId: idOf(PROPOSAL_EVENTS) });
      await waitFor('the subscription to listen', () => bus.listenerCount(brand.id) > before, {
        intervalMs: 5,
      });

      const answer = await post({
        documentId: idOf(ADD_COMMENT),
        variables: { input: { proposalId, body: 'Heard live' } },
      });

      expect(answer.errors).toBeUndefined();
      expect(await subscription.next()).toEqual({
        data: { proposalEvents: { action: 'comment.added', proposal: { id: proposalId } } },
      });
    });
  });

  describe('without GRAPHQL_TRUSTED_DOCUMENTS', () => {
    it('runs any operation, as before', async () => {
      const answer = await post({ query: '{ __typename viewer { id } }' }, app.t);

      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({ __typename: 'Query', viewer: { id: manager.id } });
    });

    it('refuses a documentId without a query as Apollo Server does', async () => {
      const answer = await post({ documentId: idOf(VIEWER) }, app.t);

      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].message).toMatch(/must contain a non-empty `query`/);
      expect(errorCodes(answer)).toEqual(['BAD_REQUEST']);
    });
  });
});
