import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The trusted documents of GRAPHQL_TRUSTED_DOCUMENTS: each document's text by its id. The manifest
 * is a JSON object `{ "sha256:<hex>": "<document text>" }`, the persisted-documents.json that
 * GraphQL Code Generator's client preset writes (hashAlgorithm 'sha256'), which
 * `npx standpoint trusted-documents` writes too.
 */
export type TrustedDocuments = ReadonlyMap<string, string>;

/**
 * The id of a document's text: GraphQL over HTTP's "sha256:" document identifier, the hash of the
 * text exactly as written (GraphQL Code Generator hashes its printed text the same way).
 */
export function trustedDocumentId(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * Reads a manifest; answers its documents, or '!' and what is wrong with the file (the
 * configuration's parser convention), naming the first bad entry.
 */
export function readTrustedDocuments(path: string): TrustedDocuments | string {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return `!must name a readable JSON manifest of trusted documents: ${(error as Error).message}`;
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return '!must name a JSON object of trusted documents ({ "sha256:<hex>": "<document text>" })';
  }
  const documents = new Map<string, string>();
  for (const [id, text] of Object.entries(manifest)) {
    if (typeof text !== 'string') return `!entry ${JSON.stringify(id)} is not a document text`;
    if (id !== trustedDocumentId(text)) {
      return `!entry ${JSON.stringify(id)} is not the sha256 of its text (which is ${trustedDocumentId(text)})`;
    }
    documents.set(id, text);
  }
  return documents;
}
