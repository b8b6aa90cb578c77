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
import { NestFactory } from '@nestjs/core';
import { createDatabase, dropDatabase, withDatabase } from '@standpoint/database';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

type Dialect = 'sqlite' | 'postgres';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dialect = args[args.indexOf('--dialect') + 1] as Dialect;
  if (!['sqlite', 'postgres'].includes(dialect)) throw new Error('--dialect sqlite|postgres is required');
  const generateName = args.includes('--generate') ? args[args.indexOf('--generate') + 1] : undefined;

  const scratch = await scratchDatabase(dialect);
  try {
    const { AppModule } = await import('../src/app.module');
    const app = await NestFactory.create(AppModule, { logger: ['error'] });
    await app.init();
    const sql = await app.get(DataSource).driver.createSchemaBuilder().log();
    await app.close();

    if (generateName) {
      if (sql.upQueries.length === 0) return void process.stdout.write(`${dialect}: nothing to generate\n`);
      writeMigration(dialect, generateName, sql.upQueries, sql.downQueries);
      return;
    }
    if (sql.upQueries.length > 0) {
      process.stderr.write(`${dialect}: the entities and the migrations disagree; a migration would need:\n`);
      for (const query of sql.upQueries) process.stderr.write(`  ${query.query};\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`${dialect}: the migrations match the entities\n`);
  } finally {
    await scratch.drop();
  }
}

async function scratchDatabase(dialect: Dialect): Promise<{ drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    delete process.env.DATABASE_URL;
    process.env.SQLITE_PATH = join(mkdtempSync(join(tmpdir(), 'standpoint-drift-')), 'drift.sqlite');
    return { drop: async () => undefined };
  }
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('set TEST_DATABASE_URL (or DATABASE_URL) to check PostgreSQL');
  const name = `standpoint_drift_${process.pid}`;
  await createDatabase(serverUrl, name);
  process.env.DATABASE_URL = withDatabase(serverUrl, name);
  return { drop: () => dropDatabase(serverUrl, name) };
}

interface Query {
  query: string;
  parameters?: unknown[];
}

function writeMigration(dialect: Dialect, name: string, up: Query[], down: Query[]): void {
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const folder = join(__dirname, '..', '..', 'libs', 'database', 'src', 'migrations', dialect);
  const statements = (queries: Query[]) =>
    queries
      .map((q) => `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`)
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
    .replace(/^(import .*\n)*/, (imports) => `${imports}import { ${className} } from './${timestamp}-${name}';\n`)
    .replace(new RegExp(`(export const ${list}: Function\\[\\] = \\[)([^\\]]*)\\]`), (_m, head: string, items: string) =>
      `${head}${items.trim() ? `${items.trim().replace(/,$/, '')}, ` : ''}${className}]`);
  writeFileSync(index, source);
  process.stdout.write(`${dialect}: wrote ${timestamp}-${name}.ts (${up.length} statements)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
