/**
 * Writes the served GraphQL schema to schema.gql, or with --check fails when the committed file
 * is not what the code serves.
 */
import 'reflect-metadata';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runTool, withScratchApp } from './scratch-app';

const SCHEMA_FILE = join(REPO_ROOT, 'schema.gql');

runTool(async () => {
  const served = await withScratchApp(
    'sqlite',
    async (app) => `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`,
  );
  if (!process.argv.includes('--check')) {
    writeFileSync(SCHEMA_FILE, served);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
    return;
  }
  const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (committed !== served) {
    process.stderr.write(
      'schema.gql is not what the code serves: run `npm run build && npm run schema` and commit it\n',
    );
    process.exit(1);
  }
  process.stdout.write('schema.gql is current\n');
});
