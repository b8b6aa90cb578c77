import { createHash, randomBytes } from 'node:crypto';

// The secret of an emailed link (a decision link, a password link): 256 random bits, written in
// base64url so that nothing in it needs escaping in a URL, HTML or text. The database keeps only
// its SHA-256, so a copy of the database opens no link.

/** A new secret, and the hash that is stored for it. */
export function newLinkSecret(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: linkSecretHash(token) };
}

/** The stored form of a secret: hex SHA-256. */
export function linkSecretHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
