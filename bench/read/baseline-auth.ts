import { GraphQLError } from 'graphql';
import jwt from 'jsonwebtoken';
import type { KeyObject } from 'node:crypto';
import type { BaselineDatabase } from './baseline-database';

/** The signed-in user and their roles per brand, as Standpoint's AuthService finds them. */
export interface BaselineViewer {
  userId: string;
  brandRoles: Map<string, string[]>;
}

interface AccessTokenClaims {
  sub?: unknown;
  sid?: unknown;
  exp?: unknown;
}

function unauthenticated(): GraphQLError {
  return new GraphQLError('The access token is invalid or has expired; sign in again', {
    extensions: { code: 'UNAUTHENTICATED' },
  });
}

/**
 * Standpoint's check of a bearer token, with the same two statements: an HS256 JWT of issuer
 * `standpoint` with an expiry, a user and a session; the session and the active user in one
 * lookup; then the user's memberships.
 */
export async function viewerOf(
  db: BaselineDatabase,
  secret: KeyObject,
  authorization: string | undefined,
): Promise<BaselineViewer> {
  const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw unauthenticated();
  let claims: AccessTokenClaims;
  try {
    claims = jwt.verify(token, secret, {
      algorithms: ['HS256'],
      issuer: 'standpoint',
    }) as AccessTokenClaims;
  } catch {
    throw unauthenticated();
  }
  const { sub, sid, exp } = claims;
  if (typeof exp !== 'number' || typeof sub !== 'string' || typeof sid !== 'string')
    throw unauthenticated();
  const users = await db.query<{ id: string }>(
    `SELECT u.id FROM "user" u INNER JOIN "session" s ON s."userId" = u.id
      WHERE s.id = $1 AND u.id = $2 AND u."deactivatedAt" IS NULL`,
    [sid, sub],
  );
  if (users.length === 0) throw unauthenticated();
  const memberships = await db.query<{ brandId: string; roles: string[] }>(
    `SELECT "brandId", roles FROM membership WHERE "userId" = $1`,
    [sub],
  );
  return { userId: sub, brandRoles: new Map(memberships.map((m) => [m.brandId, m.roles])) };
}
