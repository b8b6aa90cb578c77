import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { trustedDocumentId } from '@standpoint/config';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  parse,
  Source,
  validate,
  visit,
} from 'graphql';

/** One `.graphql` file of a client: its path (for messages) and its text. */
export interface OperationsFile {
  path: string;
  text: string;
}

/** Why a client's operations make no manifest: the file, and what is wrong there. */
export class ManifestError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ManifestError';
  }
}

/**
 * The trusted documents of a client's operations (GRAPHQL_TRUSTED_DOCUMENTS's manifest): one
 * document per operation, the operation and the fragments it uses (from any file), printed and
 * hashed as GraphQL Code Generator's client preset does for its persisted-documents.json
 * (printExecutableGraphQLDocument, then "sha256:" and the hex digest). Each must validate
 * against `schema`; operations need names, unique across the files, as fragments do.
 */
export function trustedDocumentsOf(
  files: readonly OperationsFile[],
  schema: GraphQLSchema,
): Record<string, string> {
  const operations = new Map<string, { file: string; node: OperationDefinitionNode }>();
  const fragments = new Map<string, { file: string; node: FragmentDefinitionNode }>();
  for (const { path, text } of files) {
    for (const node of parsed(path, text).definitions) {
      if (node.kind === Kind.OPERATION_DEFINITION) {
        if (!node.name)
          throw new ManifestError(
            path,
            `a ${node.operation} without a name: every operation needs one`,
          );
        named(operations, node.name.value, path, node, 'operation');
      } else if (node.kind === Kind.FRAGMENT_DEFINITION) {
        named(fragments, node.name.value, path, node, 'fragment');
      } else {
        throw new ManifestError(
          path,
          `holds a ${node.kind}: only operations and fragments belong here`,
        );
      }
    }
  }

  const manifest: Record<string, string> = {};
  for (const [name, { file, node }] of operations) {
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [node, ...usedFragments(node, fragments)],
    };
    const errors = validate(schema, document);
    if (errors.length > 0) {
      throw new ManifestError(
        file,
        `operation ${name} is not valid: ${errors.map(located).join('; ')}`,
      );
    }
    const text = printExecutableGraphQLDocument(document);
    manifest[trustedDocumentId(text)] = text;
  }
  return manifest;
}

function parsed(path: string, text: string): DocumentNode {
  try {
    return parse(new Source(text, path));
  } catch (error) {
    if (error instanceof GraphQLError) throw new ManifestError(path, located(error));
    throw error;
  }
}

function named<T>(
  known: Map<string, { file: string; node: T }>,
  name: string,
  file: string,
  node: T,
  kind: string,
): void {
  const earlier = known.get(name);
  if (earlier)
    throw new ManifestError(
      file,
      `a second ${kind} named ${name} (the first is in ${earlier.file})`,
    );
  known.set(name, { file, node });
}

/** The fragments an operation spreads, and those they spread, in turn; unknown ones fail validation. */
function usedFragments(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, { node: FragmentDefinitionNode }>,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread: ({ name }) => {
        const fragment = fragments.get(name.value)?.node;
        if (!fragment || used.has(name.value)) return;
        used.set(name.value, fragment);
        collect(fragment);
      },
    });
  collect(operation);
  return [...used.values()];
}

/** A GraphQL error with where it is: `file:line:column message`. */
function located(error: GraphQLError): string {
  const at = error.locations?.[0];
  return at
    ? `${error.source?.name ?? ''}:${at.line}:${at.column} ${error.message}`
    : error.message;
}
