import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { ConfigError, TrustedDocuments, trustedDocumentId } from '@standpoint/config';
import { GraphQLError, GraphQLSchema, parse, validate } from 'graphql';
import { ApiErrorCode } from './api-error-code';
import { PARSE_OPTIONS } from './query-limits';

/**
 * What a request names its document by: its text (`query`), GraphQL over HTTP's persisted
 * `documentId`, or Apollo's `extensions.persistedQuery.sha256Hash`.
 */
export interface DocumentReference {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

/**
 * The trusted text a request runs under GRAPHQL_TRUSTED_DOCUMENTS, or its refusal. A text is
 * trusted when its sha256, as sent or as GraphQL Code Generator prints it, is in the manifest; an
 * id must name an entry. Either way the manifest's text runs, through the usual parse, validation
 * and query limits.
 */
export function trustedDocument(
  documents: TrustedDocuments,
  request: DocumentReference,
): string | GraphQLError {
  if (typeof request.query === 'string' && request.query !== '') {
    const text =
      documents.get(trustedDocumentId(request.query)) ?? printedTrusted(documents, request.query);
    return (
      text ?? notTrusted('This server runs only its trusted documents, and this is not one of them')
    );
  }
  const id = requestedId(request);
  if (id === undefined) {
    return notTrusted('This server runs only its trusted documents: send a documentId');
  }
  return (
    documents.get(id) ??
    new GraphQLError(`No trusted document has the id ${JSON.stringify(id)}`, {
      extensions: { code: ApiErrorCode.PERSISTED_QUERY_NOT_FOUND },
    })
  );
}

/**
 * Refuses to start, naming the entry, when a trusted document does not parse or does not validate
 * against the served schema: it could never run.
 */
export function checkTrustedDocuments(schema: GraphQLSchema, documents: TrustedDocuments): void {
  const problems: string[] = [];
  for (const [id, text] of documents) {
    let errors: readonly GraphQLError[];
    try {
      errors = validate(schema, parse(text));
    } catch (error) {
      errors = [error as GraphQLError];
    }
    if (errors.length > 0) {
      problems.push(
        `GRAPHQL_TRUSTED_DOCUMENTS entry ${JSON.stringify(id)} is not a valid document of this API: ${errors.map((e) => e.message).join('; ')}`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

/** The manifest's text of a query sent formatted otherwise than the manifest prints it. */
function printedTrusted(documents: TrustedDocuments, query: string): string | undefined {
  try {
    return documents.get(
      trustedDocumentId(printExecutableGraphQLDocument(parse(query, PARSE_OPTIONS))),
    );
  } catch {
    // Not a document at all, or over the token limit: nothing of the manifest.
    return undefined;
  }
}

/** `documentId` ("sha256:<hex>", or the bare hex), else Apollo's persistedQuery hash, as an id. */
function requestedId({ documentId, extensions }: DocumentReference): string | undefined {
  if (typeof documentId === 'string' && documentId !== '') {
    return documentId.includes(':') ? documentId : `sha256:${documentId}`;
  }
  const persistedQuery = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  const hash = persistedQuery?.sha256Hash;
  return typeof hash === 'string' && hash !== '' ? `sha256:${hash}` : undefined;
}

function notTrusted(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ApiErrorCode.DOCUMENT_NOT_TRUSTED } });
}
