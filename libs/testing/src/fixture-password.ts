/** The password of every member the fixtures make without a login (`SignIn` 'session'). */
export const FIXTURE_PASSWORD = 'fixture members share this password';

/**
 * FIXTURE_PASSWORD hashed once, with ARGON2ID_OPTIONS, as PasswordHasher stores it: a member so
 * made signs in with it like any other, and no test pays argon2 to make one.
 */
export const FIXTURE_PASSWORD_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$1V+m2SO5mhO4FxHujHF+RA$fbTks49zSKgeR5nebpS4eb6VGZDHUWxbOuEGaoufrdM';
