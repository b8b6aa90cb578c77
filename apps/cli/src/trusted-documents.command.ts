import { buildSchema } from 'graphql';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-version';
import { trustedDocumentsOf } from './trusted-documents-manifest';

// Needs no database and no application: the served schema is the committed schema.gql.

/**
 * `standpoint trusted-documents <file or directory>... [--output <file>]`: the manifest of
 * GRAPHQL_TRUSTED_DOCUMENTS from a client's `.graphql` files (directories searched recursively),
 * on standard output or into a file.
 */
export function trustedDocumentsCommand(sources: string[], options: { output?: string }): void {
  const schema = buildSchema(readFileSync(join(packageRoot(), 'schema.gql'), 'utf8'));
  const files = sources
    .flatMap(graphqlFiles)
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  if (files.length === 0) throw new Error(`no .graphql files in ${sources.join(', ')}`);
  const manifest = `${JSON.stringify(trustedDocumentsOf(files, schema), null, 2)}\n`;
  if (options.output) {
    writeFileSync(options.output, manifest);
    process.stderr.write(
      `Wrote ${Object.keys(JSON.parse(manifest)).length} trusted documents to ${options.output}.\n`,
    );
  } else {
    process.stdout.write(manifest);
  }
}

/** The `.graphql` files of a path: itself, or those under it, in a stable order. */
function graphqlFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const child = join(path, entry.name);
      if (entry.isDirectory()) return graphqlFiles(child);
      return entry.name.endsWith('.graphql') ? [child] : [];
    });
}
