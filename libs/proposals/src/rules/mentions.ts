// `@` + an email address. The `@` must not follow a letter, digit or combining mark, so an address
// written in text (`jane@acme.example`) is not a mention of `acme.example`'s part. Domain labels
// start and end with a letter or digit, so trailing `.`, `-`, `,`, `)`, `!`, `?` are left out.
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
const MENTION = new RegExp(
  `(?<![\\p{L}\\p{N}\\p{M}])@([\\p{L}\\p{N}._%+-]+@${LABEL}(?:\\.${LABEL})+)`,
  'gu',
);

/** The addresses mentioned in a comment: lower-cased, deduplicated, in order of first mention. */
export function mentionedEmails(body: string): string[] {
  const emails = new Set<string>();
  for (const match of body.matchAll(MENTION)) emails.add(match[1].toLowerCase());
  return [...emails];
}
