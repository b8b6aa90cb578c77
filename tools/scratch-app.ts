import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createDatabase, dropDatabase, withDatabase } from '@standpoint/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Dialect = 'sqlite' | 'postgres';

/** The repository's root, from dist/tools. */
export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * Boots the all-in-one application (not listening) on an empty, freshly migrated database of the
 * dialect, runs `work`, and throws the database away. PostgreSQL uses a scratch database next to
 * TEST_DATABASE_URL (or DATABASE_URL).
 */
export async function withScratchApp<T>(
  dialect: Dialect,
  work: (app: INestApplication) => Promise<T>,
): Promise<T> {
  const scratch = await scratchDatabase(dialect);
  try {
    const { AppModule } = await import('../src/app.module');
    const app = await NestFactory.create(AppModule, { logger: ['error'] });
    await app.init();
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await scratch.drop();
  }
}

async function scratchDatabase(dialect: Dialect): Promise<{ drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'standpoint-tool-'));
  process.env.DATA_DIR = dataDir;
  process.env.LOG_LEVEL = 'error';
  if (dialect === 'sqlite') {
    delete process.env.DATABASE_URL;
    process.env.SQLITE_PATH = join(dataDir, 'scratch.sqlite');
    return { drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('set TEST_DATABASE_URL (or DATABASE_URL) to use PostgreSQL');
  const name = `standpoint_scratch_${process.pid}`;
  await createDatabase(serverUrl, name);
  process.env.DATABASE_URL = withDatabase(serverUrl, name);
  return {
    drop: async () => {
      await dropDatabase(serverUrl, name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a tool's main function: a thrown error is printed and exits 1. */
export function runTool(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
