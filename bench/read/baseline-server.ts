/**
 * The baseline the read bench compares Standpoint with: bare Apollo Server (standalone), `pg` and
 * DataLoader, on Standpoint's schema and database, with the same token check and the same
 * membership check. Run as its own process, so its CPU is its own:
 *
 *   DATABASE_URL=postgres://… JWT_SECRET=… PORT=… node dist/bench/read/baseline-server.js
 *
 * Each answer says in `x-sql-statements` how many statements it cost.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { viewerOf } from './baseline-auth';
import { BaselineDatabase } from './baseline-database';
import { baselineLoaders } from './baseline-loaders';
import { BaselineContext, baselineResolvers } from './baseline-resolvers';

/** Standpoint's pool size when DATABASE_POOL_SIZE is unset. */
const POOL_SIZE = 10;

async function main(): Promise<void> {
  const { DATABASE_URL, JWT_SECRET, PORT } = process.env;
  if (!DATABASE_URL || !JWT_SECRET || !PORT) throw new Error('DATABASE_URL, JWT_SECRET and PORT');
  const pool = new Pool({ connectionString: DATABASE_URL, max: POOL_SIZE });
  const secret = createSecretKey(Buffer.from(JWT_SECRET));
  const server = new ApolloServer<BaselineContext>({
    typeDefs: readFileSync(join(__dirname, '..', '..', '..', 'schema.gql'), 'utf8'),
    resolvers: baselineResolvers,
    plugins: [
      {
        requestDidStart: async () => ({
          willSendResponse: async ({ contextValue, response }) => {
            response.http.headers.set('x-sql-statements', String(contextValue.db.statements));
          },
        }),
      },
    ],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(PORT), host: '127.0.0.1' },
    context: async ({ req }) => {
      const db = new BaselineDatabase(pool);
      const viewer = await viewerOf(db, secret, req.headers.authorization);
      return { db, viewer, loaders: baselineLoaders(db) };
    },
  });
  process.stdout.write(`baseline listening on ${url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
