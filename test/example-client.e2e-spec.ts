import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { GraphQLClient, GraphQLRequestError } from '../examples/client/client';
import { firstDecision } from '../examples/client/first-decision';
import * as documents from '../examples/client/gql/graphql';
import { AppModule } from '../src/app.module';

const CLIENT_DIR = join(__dirname, '..', 'examples', 'client');

/** The typed example client (examples/client) against the real server: the story of the docs. */
describe('the example client', () => {
  const app = useTestApp(AppModule);
  let brand: TestBrand;
  let manager: TestMember;
  let approver: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    [manager, approver] = await Promise.all([
      app.fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(brand.id, ['APPROVER']),
    ]);
  });

  it('tells a first decision: proposed, submitted, approved, on the record', async () => {
    const record = await firstDecision({
      baseUrl: app.t.url,
      brandSlug: brand.slug,
      manager,
      approver,
    });

    expect(record.state).toBe('APPROVED');
    expect(record.lines.map((line) => line.kind)).toEqual([
      'PROPOSED',
      'EVIDENCE',
      'RECOMMENDATION',
      'SUBMITTED',
      'DECISION',
    ]);
    const decided = record.lines.find((line) => line.kind === 'DECISION')!;
    expect(decided.actorLabel).toBe(approver.email);
    expect(decided.decision).toMatchObject({ approverLabel: approver.email, outcome: 'APPROVE' });
  });

  it("throws the server's refusal with its extensions.code", async () => {
    const api = new GraphQLClient({ baseUrl: app.t.url });
    const refusal = api.request(documents.LoginDocument, {
      email: manager.email,
      password: 'not the password',
    });
    await expect(refusal).rejects.toBeInstanceOf(GraphQLRequestError);
    await expect(refusal).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(api.request(documents.ViewerDocument)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});

/**
 * What the client sends as `documentId` in trusted mode is the key of the document's text in the
 * manifest codegen writes, and that key is the sha256 of the text: the manifest a server loads
 * (GRAPHQL_TRUSTED_DOCUMENTS) runs exactly the client's operations.
 */
describe("the example client's trusted documents", () => {
  const manifest: Record<string, string> = JSON.parse(
    readFileSync(join(CLIENT_DIR, 'gql', 'persisted-documents.json'), 'utf8'),
  );
  const generated = Object.entries(documents).flatMap(([name, value]) =>
    name.endsWith('Document') ? [{ name, hash: (value as any).__meta__?.hash as string }] : [],
  );

  it('has one manifest entry per generated document, keyed by its hash', () => {
    expect(generated.length).toBeGreaterThan(0);
    expect(Object.keys(manifest).sort()).toEqual(generated.map(({ hash }) => hash).sort());
  });

  it('keys each text by its sha256', () => {
    for (const [hash, text] of Object.entries(manifest)) {
      expect(hash).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
    }
  });
});
