import { trustedDocumentId } from '@standpoint/config';
import {
  freePort,
  provisionTestDatabase,
  runNode,
  TEST_ADMIN,
  testEnvironment,
  TestDatabase,
} from '@standpoint/testing';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The operator's side of GRAPHQL_TRUSTED_DOCUMENTS, with the built processes: the manifest from a
 * client's operations (`npx standpoint trusted-documents`), a server started with it, and a start
 * refused for a manifest the API cannot run.
 */
describe('trusted documents, built and served', () => {
  jest.setTimeout(180_000);

  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'standpoint-trusted-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A client's `.graphql` files under `dir/client`, one in a folder of its own. */
  const writeClient = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, 'client', path, '..'), { recursive: true });
      writeFileSync(join(dir, 'client', path), text);
    }
    return join(dir, 'client');
  };

  const cli = async (args: string[]) => {
    const run = runNode('bin/standpoint.js', ['trusted-documents', ...args], {});
    const { code } = await run.exited;
    return { code, output: run.output() };
  };

  const CLIENT = {
    'auth.graphql':
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }\n',
    'me.graphql': 'query Me { viewer { ...Person } }\nfragment Person on User { id email }\n',
    'brands/brands.graphql':
      'query MyBrands { viewer { memberships { brand { slug } } ...Person } }\n',
  };

  it('builds the manifest of a directory: one document per operation, its fragments included', async () => {
    const { code, output } = await cli([writeClient(CLIENT)]);

    expect(code).toBe(0);
    const manifest = JSON.parse(output) as Record<string, string>;
    expect(Object.values(manifest).sort()).toEqual([
      'fragment Person on User { email id } query Me { viewer { ...Person } }',
      'fragment Person on User { email id } query MyBrands { viewer { memberships { brand { slug } } ...Person } }',
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    ]);
    for (const [id, text] of Object.entries(manifest)) expect(id).toBe(trustedDocumentId(text));
  });

  it('refuses an operation that does not validate with exit 1, naming the file', async () => {
    const client = writeClient({ ...CLIENT, 'bad.graphql': 'query Bad { viewer { salary } }' });

    const { code, output } = await cli([client, '--output', join(dir, 'manifest.json')]);

    expect(code).toBe(1);
    expect(output).toContain(
      `standpoint: ${join(client, 'bad.graphql')}: operation Bad is not valid: ${join(client, 'bad.graphql')}:1:22 Cannot query field "salary" on type "User".`,
    );
  });

  describe('a server started with GRAPHQL_TRUSTED_DOCUMENTS', () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await provisionTestDatabase();
    });
    afterEach(() => db.drop());

    it('runs the documents of a manifest the command wrote, and refuses any other', async () => {
      const manifest = join(dir, 'persisted-documents.json');
      expect((await cli([writeClient(CLIENT), '--output', manifest])).code).toBe(0);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const server = runNode('dist/src/main.js', [], {
        ...testEnvironment(db),
        PORT: String(port),
        GRAPHQL_TRUSTED_DOCUMENTS: manifest,
      });
      try {
        await server.healthy(url);
        const entries = Object.entries(
          JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>,
        );
        const idOf = (operation: string) =>
          entries.find(
            ([, text]) => text.includes(`${operation}(`) || text.includes(`${operation} {`),
          )![0];
        const login = await post(url, {
          documentId: idOf('mutation Login'),
          variables: { email: TEST_ADMIN.email, password: TEST_ADMIN.password },
        });
        expect(login.body.errors).toBeUndefined();
        const token = login.body.data.login.token as string;

        const trusted = await post(url, { documentId: idOf('query Me') }, token);
        const other = await post(url, { query: '{ viewer { id } }' }, token);

        expect(trusted.status).toBe(200);
        expect(trusted.body.data.viewer.email).toBe(TEST_ADMIN.email);
        expect(other.status).toBe(400);
        expect(other.body.errors[0].extensions.code).toBe('DOCUMENT_NOT_TRUSTED');
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    });

    it('stops at start with exit 1, naming the entry, when a document does not fit the schema', async () => {
      const text = 'query Old { viewer { salary } }';
      const manifest = join(dir, 'persisted-documents.json');
      writeFileSync(manifest, JSON.stringify({ [trustedDocumentId(text)]: text }));

      const server = runNode('dist/src/main.js', [], {
        ...testEnvironment(db),
        GRAPHQL_TRUSTED_DOCUMENTS: manifest,
      });

      expect((await server.exited).code).toBe(1);
      expect(server.output()).toContain(
        `Standpoint cannot start; fix these environment variables:\n  GRAPHQL_TRUSTED_DOCUMENTS entry "${trustedDocumentId(text)}" is not a valid document of this API: Cannot query field "salary" on type "User".\n`,
      );
    });
  });
});

/** POSTs `body` to the server's GraphQL path, signed in with `token` if given. */
async function post(url: string, body: unknown, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
