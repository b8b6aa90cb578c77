import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  runNode,
  startTestApp,
  TestApp,
  TestBrand,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import { firstDecision } from '../examples/client/first-decision';
import { AppModule } from '../src/app.module';

const CLIENT_DIR = join(__dirname, '..', 'examples', 'client');

/**
 * The first-party client in production's strictest mode: the manifest is built by
 * `npx standpoint trusted-documents` from the client's operations, an API instance runs only its
 * documents, and the client sends every operation of the story by its hash alone. (The fixtures use
 * an instance without the setting, on the same database.)
 */
describe('the example client on a server with trusted documents', () => {
  const app = useTestApp(AppModule);
  const manifest = join(tmpdir(), `standpoint-example-manifest-${process.pid}.json`);
  let built: string;
  let trusted: TestApp;
  let brand: TestBrand;
  let manager: TestMember;
  let approver: TestMember;

  beforeAll(async () => {
    const cli = runNode(
      'bin/standpoint.js',
      ['trusted-documents', join(CLIENT_DIR, 'operations'), '--output', manifest],
      {},
    );
    expect((await cli.exited).code).toBe(0);
    built = readFileSync(manifest, 'utf8');
    trusted = await startTestApp(
      AppModule,
      { GRAPHQL_TRUSTED_DOCUMENTS: manifest },
      { database: app.t.database },
    );
    brand = await app.fixtures.brand();
    [manager, approver] = await Promise.all([
      app.fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(brand.id, ['APPROVER']),
    ]);
  });
  afterAll(async () => {
    await trusted?.close();
    rmSync(manifest, { force: true });
  });

  it("builds the manifest that GraphQL Code Generator wrote for the client's operations", () => {
    const generated = readFileSync(join(CLIENT_DIR, 'gql', 'persisted-documents.json'), 'utf8');
    expect(JSON.parse(built)).toEqual(JSON.parse(generated));
  });

  it("tells a first decision by the documents' hashes alone", async () => {
    const record = await firstDecision({
      baseUrl: trusted.url,
      brandSlug: brand.slug,
      manager,
      approver,
      trustedDocuments: true,
    });

    expect(record.state).toBe('APPROVED');
    const decided = record.lines.find((line) => line.kind === 'DECISION')!;
    expect(decided.decision).toMatchObject({ approverLabel: approver.email, outcome: 'APPROVE' });
  });

  it('is refused a document its manifest does not hold', async () => {
    const response = await fetch(`${trusted.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('DOCUMENT_NOT_TRUSTED');
  });
});
