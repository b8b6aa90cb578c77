import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, print } from 'graphql';

export interface ClientOptions {
  /** The server's address, such as http://localhost:3000 (the client posts to <baseUrl>/graphql). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`; leave it out to sign in. */
  token?: string;
  /**
   * Sends each operation as its `documentId` (the hash GraphQL Code Generator gave it, as in
   * gql/persisted-documents.json) instead of its text: for a server that only runs the documents
   * in its manifest.
   */
  trustedDocuments?: boolean;
}

/** One error of a GraphQL answer, with its stable `extensions.code`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string } & Record<string, unknown>;
}

/** The server refused the operation: `code` is the first error's `extensions.code`. */
export class GraphQLRequestError extends Error {
  readonly code: string | undefined;

  constructor(
    readonly operationName: string,
    readonly errors: GraphQLErrorEntry[],
    readonly status: number,
  ) {
    const first = errors[0];
    super(`${operationName}: ${first?.extensions?.code ?? `HTTP ${status}`}: ${first?.message}`);
    this.name = 'GraphQLRequestError';
    this.code = first?.extensions?.code;
  }
}

/** The hash the client preset puts on each generated document (persistedDocuments option). */
interface PersistedDocument {
  __meta__?: { hash?: string };
}

/**
 * A typed GraphQL client over `fetch`: it sends the documents generated in gql/ with their typed
 * variables and answers their typed data.
 */
export class GraphQLClient {
  constructor(readonly options: ClientOptions) {}

  /** The same client, signed in with `token`. */
  withToken(token: string): GraphQLClient {
    return new GraphQLClient({ ...this.options, token });
  }

  /** Sends `document`; throws a GraphQLRequestError when the answer holds errors. */
  async request<Data, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Data, Variables>,
    ...[variables]: Variables extends Record<string, never> ? [] : [Variables]
  ): Promise<Data> {
    const operationName = getOperationAST(document)?.name?.value;
    if (!operationName) throw new Error('Send a document with exactly one named operation.');
    const { baseUrl, token, trustedDocuments = false } = this.options;
    const response = await fetch(new URL('/graphql', baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({
        ...documentOf(document, trustedDocuments),
        operationName,
        variables: variables ?? {},
      }),
    });
    const answer = await readAnswer(response);
    if (answer.errors?.length) {
      throw new GraphQLRequestError(operationName, answer.errors, response.status);
    }
    if (answer.data == null) {
      throw new GraphQLRequestError(
        operationName,
        [{ message: 'the answer holds no data' }],
        response.status,
      );
    }
    return answer.data as Data;
  }
}

function documentOf(
  document: TypedDocumentNode<unknown, never>,
  trusted: boolean,
): { query: string } | { documentId: string } {
  if (!trusted) return { query: print(document) };
  const hash = (document as PersistedDocument).__meta__?.hash;
  if (!hash) {
    throw new Error('The document has no hash: generate it with persistedDocuments (codegen.ts).');
  }
  return { documentId: hash };
}

async function readAnswer(
  response: Response,
): Promise<{ data?: unknown; errors?: GraphQLErrorEntry[] }> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status} without a GraphQL answer: ${text.slice(0, 200)}`);
  }
}
