/**
 * Checks that the entities and the migrations agree, on one dialect: migrates an empty database,
 * then asks TypeORM what it would still change. Anything means a migration is missing.
 *
 *   node dist/tools/check-migrations.js --dialect sqlite|postgres
 *   node dist/tools/check-migrations.js --dialect sqlite|postgres --generate AddSomething
 *
 * PostgreSQL uses a scratch database made next to TEST_DATABASE_URL (or DATABASE_URL).
 * With --generate, the pending changes are written as a new migration of that dialect and
 * appended to its index (in the sources: rebuild afterwards).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Dialect, REPO_ROOT, runTool, withScratchApp } from './scratch-app';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dialect = args[args.indexOf('--dialect') + 1] as Dialect;
  if (!['sqlite', 'postgres'].includes(dialect))
    throw new Error('--dialect sqlite|postgres is required');
  const generateName = args.includes('--generate')
    ? args[args.indexOf('--generate') + 1]
    : undefined;

  const sql = await withScratchApp(dialect, (app) =>
    app.get(DataSource).driver.createSchemaBuilder().log(),
  );
  if (generateName) {
    if (sql.upQueries.length === 0)
      return void process.stdout.write(`${dialect}: nothing to generate\n`);
    writeMigration(dialect, generateName, sql.upQueries, sql.downQueries);
    return;
  }
  if (sql.upQueries.length > 0) {
    process.stderr.write(
      `${dialect}: the entities and the migrations disagree; a migration would need:\n`,
    );
    for (const query of sql.upQueries) process.stderr.write(`  ${query.query};\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${dialect}: the migrations match the entities\n`);
}

interface Query {
  query: string;
  parameters?: unknown[];
}

function writeMigration(dialect: Dialect, name: string, up: Query[], down: Query[]): void {
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const folder = join(REPO_ROOT, 'libs', 'database', 'src', 'migrations', dialect);
  const statements = (queries: Query[]) =>
    queries
      .map(
        (q) =>
          `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`,
      )
      .join('\n');
  writeFileSync(
    join(folder, `${timestamp}-${name}.ts`),
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
${statements(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${statements([...down].reverse())}
  }
}
`,
  );
  const index = join(folder, 'index.ts');
  const list = dialect === 'sqlite' ? 'sqliteMigrations' : 'postgresMigrations';
  const source = readFileSync(index, 'utf8')
    .replace(
      /^(import .*\n)*/,
      (imports) => `${imports}import { ${className} } from './${timestamp}-${name}';\n`,
    )
    .replace(
      new RegExp(`(export const ${list}: Function\\[\\] = \\[)([^\\]]*)\\]`),
      (_m, head: string, items: string) =>
        `${head}${items.trim() ? `${items.trim().replace(/,$/, '')}, ` : ''}${className}]`,
    );
  writeFileSync(index, source);
  process.stdout.write(`${dialect}: wrote ${timestamp}-${name}.ts (${up.length} statements)\n`);
}

runTool(main);
