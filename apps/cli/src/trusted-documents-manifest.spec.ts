import { buildSchema } from 'graphql';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from './package-version';
import { ManifestError, OperationsFile, trustedDocumentsOf } from './trusted-documents-manifest';

const SCHEMA_FILE = join(packageRoot(), 'schema.gql');
const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));

/** Two files of a client: each operation uses a fragment of the other file, one in turn another. */
const CLIENT: OperationsFile[] = [
  {
    path: 'viewer.graphql',
    text: `# The signed-in member
query Viewer {
  viewer { ...Person memberships { roles brand { ...BrandName } } }
}

fragment Person on User { id name email }
`,
  },
  {
    path: 'brand.graphql',
    text: `fragment BrandName on Brand { name slug }
fragment BrandCard on Brand { id ...BrandName }

query Brands { viewer { memberships { brand { ...BrandCard } } } }
mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { id body author { ...Person } } }
subscription ProposalEvents($brandId: ID!) { proposalEvents(brandId: $brandId) { action } }
`,
  },
];

/**
 * The persisted-documents.json that GraphQL Code Generator's client preset writes for these files
 * (hashAlgorithm 'sha256'), generated in a process of its own: codegen loads ES modules, which
 * Jest's CommonJS does not.
 */
function codegenManifest(files: readonly OperationsFile[]): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'standpoint-codegen-'));
  try {
    for (const { path, text } of files) writeFileSync(join(dir, path), text);
    const script = `
      const { generate } = require('@graphql-codegen/cli');
      const { preset } = require('@graphql-codegen/client-preset');
      generate({
        schema: process.argv[1],
        documents: [process.argv[2] + '/*.graphql'],
        silent: true,
        generates: { [process.argv[2] + '/out/']: {
          preset, presetConfig: { persistedDocuments: { hashAlgorithm: 'sha256' } },
        } },
      }, false).then((files) => process.stdout.write(
        files.find((file) => file.filename.endsWith('persisted-documents.json')).content,
      ));`;
    const output = execFileSync(process.execPath, ['-e', script, SCHEMA_FILE, dir], {
      cwd: packageRoot(),
    });
    return JSON.parse(output.toString()) as Record<string, string>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('trustedDocumentsOf', () => {
  it("writes exactly the entries of GraphQL Code Generator's client preset for the same operations", () => {
    const manifest = trustedDocumentsOf(CLIENT, schema);

    expect(Object.keys(manifest)).toHaveLength(4);
    expect(manifest).toEqual(codegenManifest(CLIENT));
  });

  it('makes one document per operation: the operation and the fragments it uses, from any file', () => {
    const texts = Object.values(trustedDocumentsOf(CLIENT, schema));

    expect(texts).toContain(
      'fragment BrandName on Brand { name slug } fragment Person on User { email id name } ' +
        'query Viewer { viewer { memberships { brand { ...BrandName } roles } ...Person } }',
    );
    expect(texts.find((text) => text.includes('query Brands'))).toMatch(
      /^fragment BrandCard .* fragment BrandName .* query Brands/,
    );
    expect(texts.find((text) => text.startsWith('subscription'))).not.toContain('fragment');
  });

  it.each([
    [
      'an operation that does not validate, naming its file and the error',
      [{ path: 'bad.graphql', text: 'query Bad { viewer { nope } }' }],
      /^bad\.graphql: operation Bad is not valid: bad\.graphql:1:22 Cannot query field "nope"/,
    ],
    [
      'a fragment used but defined nowhere',
      [{ path: 'a.graphql', text: 'query A { viewer { ...Missing } }' }],
      /^a\.graphql: operation A is not valid: .*Unknown fragment "Missing"/,
    ],
    [
      'a file that does not parse',
      [{ path: 'broken.graphql', text: 'query {' }],
      /^broken\.graphql: broken\.graphql:1:8 Syntax Error/,
    ],
    [
      'two operations with one name, naming both files',
      [
        { path: 'a.graphql', text: 'query Me { viewer { id } }' },
        { path: 'b.graphql', text: 'query Me { viewer { name } }' },
      ],
      /^b\.graphql: a second operation named Me \(the first is in a\.graphql\)/,
    ],
    [
      'an operation without a name',
      [{ path: 'a.graphql', text: '{ viewer { id } }' }],
      /^a\.graphql: a query without a name: every operation needs one/,
    ],
  ])('refuses %s', (_, files, message) => {
    expect(() => trustedDocumentsOf(files, schema)).toThrow(ManifestError);
    expect(() => trustedDocumentsOf(files, schema)).toThrow(message);
  });
});
