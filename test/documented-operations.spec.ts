import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  buildSchema,
  DocumentNode,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  parse,
  print,
  validate,
} from 'graphql';

const ROOT = join(__dirname, '..');
const OPERATIONS_DIR = join(ROOT, 'examples', 'client', 'operations');

interface DocumentedOperation {
  /** Where it is shown, as `file:line`. */
  where: string;
  text: string;
}

/** The manual's pages and the README. */
function manualPages(dir = join(ROOT, 'docs')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? manualPages(join(dir, entry.name))
      : entry.name.endsWith('.md')
        ? [join(dir, entry.name)]
        : [],
  );
}

/**
 * Every operation a page shows: a ```graphql block, or the `"query": "…"` of a JSON body in a
 * shell example (where `\$` keeps a variable from the shell of an unquoted heredoc).
 */
function documentedOperations(file: string): DocumentedOperation[] {
  const markdown = readFileSync(file, 'utf8');
  const where = (index: number) =>
    `${relative(ROOT, file)}:${markdown.slice(0, index).split('\n').length}`;
  const blocks = [...markdown.matchAll(/^( *)```graphql\n([\s\S]*?)^\1```$/gm)].map((match) => ({
    where: where(match.index),
    text: match[2],
  }));
  const bodies = [...markdown.matchAll(/"query": ("(?:[^"\\]|\\.)*")/g)].map((match) => ({
    where: where(match.index),
    text: JSON.parse(match[1].replaceAll('\\$', '$')) as string,
  }));
  return [...blocks, ...bodies];
}

function operationsOf(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
}

/** The example client's operations by name, printed. */
function clientOperations(): Map<string, string> {
  return new Map(
    readdirSync(OPERATIONS_DIR)
      .filter((name) => name.endsWith('.graphql'))
      .flatMap((name) =>
        operationsOf(parse(readFileSync(join(OPERATIONS_DIR, name), 'utf8'))).map(
          (operation) => [operation.name!.value, print(operation)] as const,
        ),
      ),
  );
}

/** The docs cannot drift from the API: what they show is what the served schema runs. */
describe('the operations the documentation shows', () => {
  const schema: GraphQLSchema = buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));
  const documented = [...manualPages(), join(ROOT, 'README.md')].flatMap(documentedOperations);
  const fromClient = clientOperations();

  it('are found on the pages', () => {
    expect(documented.length).toBeGreaterThan(20);
  });

  it('are valid against schema.gql', () => {
    const problems = documented.flatMap(({ where, text }) => {
      try {
        return validate(schema, parse(text)).map((error) => `${where}: ${error.message}`);
      } catch (error) {
        return [`${where}: ${(error as Error).message}`];
      }
    });
    expect(problems).toEqual([]);
  });

  it('quote the example client word for word when they name an operation', () => {
    const named = documented.flatMap(({ where, text }) =>
      operationsOf(parse(text))
        .filter((operation) => operation.name)
        .map((operation) => ({ where, name: operation.name!.value, text: print(operation) })),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const { where, name, text } of named) {
      expect({ where, name, text }).toEqual({ where, name, text: fromClient.get(name) });
    }
  });

  it("include the first decision's, which the example client's end-to-end test runs", () => {
    expect([...fromClient.keys()].sort()).toEqual(
      expect.arrayContaining(['CreateProposal', 'Decide', 'DecisionRecord', 'Login', 'Viewer']),
    );
  });
});
