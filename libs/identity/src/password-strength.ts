import { Injectable } from '@nestjs/common';
import { DomainError } from '@standpoint/errors';
import { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';

/** zxcvbn's scores run 0 to 4; 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

/** Long enough for any passphrase; longer would only feed argon2 more work. */
export const MAX_PASSWORD_LENGTH = 200;

/**
 * zxcvbn's time grows with the length it reads (a random 150 characters kept the event loop for
 * about half a second); a password whose first 64 characters are hard to guess is hard to guess,
 * so only those are judged. The whole password is stored (hashed) all the same.
 */
export const JUDGED_LENGTH = 64;

let estimator: ZxcvbnFactory | undefined;

/**
 * zxcvbn with its common and English dictionaries, built on the first password judged and kept for
 * the life of the process: building it takes most of a second and about 24 MB of heap (measured in
 * docs/security/members-and-sessions.md), and a process that never judges a password (a worker)
 * never pays for it.
 */
function zxcvbn(): ZxcvbnFactory {
  if (!estimator) {
    // Required here, not imported at the top: the dictionaries load only when first needed.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const common =
      require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    const en = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
    /* eslint-enable @typescript-eslint/no-require-imports */
    estimator = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
      // Past ten l33t substitutions a long passphrase kept the event loop for most of a second
      // (measured: 0.8 s for five words); ten still finds p4ssw0rd-style passwords.
      l33tMaxSubstitutions: 10,
    });
  }
  return estimator;
}

/** What a password is judged against: the person's name, email and the brands they belong to. */
export interface PasswordContext {
  name?: string;
  email?: string;
  brandNames?: readonly string[];
}

/**
 * Passwords are judged by how hard they are to guess (zxcvbn), not by their length or character
 * classes: `password12` and `aaaaaaaaaaaa` are refused, a long passphrase is not. The user's own
 * name, email (and its parts) and brand names count as guessable words.
 */
@Injectable()
export class PasswordStrength {
  /** zxcvbn's verdict on `password` for this person. */
  judge(password: string, about: PasswordContext): ZxcvbnResult {
    return zxcvbn().check(password.slice(0, JUDGED_LENGTH), guessableWords(about));
  }

  /**
   * Refuses a weak password with BAD_USER_INPUT naming `field`, saying why and what would help;
   * a refusal the pages show on their form as it is.
   */
  require(password: string, about: PasswordContext, field: string): void {
    const problem = this.problem(password, about);
    if (problem)
      throw DomainError.invalidField([{ field, rule: 'strongPassword', message: problem }]);
  }

  /** Why the password is refused, in a sentence or two; null when it is strong enough. */
  problem(password: string, about: PasswordContext): string | null {
    if (password.length > MAX_PASSWORD_LENGTH)
      return `A password has at most ${MAX_PASSWORD_LENGTH} characters.`;
    const verdict = this.judge(password, about);
    if (verdict.score >= MIN_PASSWORD_SCORE) return null;
    const { warning, suggestions } = verdict.feedback;
    return [
      'This password is too easy to guess.',
      warning,
      ...suggestions,
      suggestions.length === 0 ? 'Use a few uncommon words together.' : null,
    ]
      .filter((part): part is string => !!part)
      .join(' ');
  }
}

function guessableWords(about: PasswordContext): string[] {
  const email = about.email?.toLowerCase();
  const words = [
    about.name,
    email,
    ...(email ? email.split(/[@.+_-]/) : []),
    ...(about.name ? about.name.split(/\s+/) : []),
    ...(about.brandNames ?? []),
    ...(about.brandNames ?? []).flatMap((brand) => brand.split(/\s+/)),
  ];
  return [...new Set(words.filter((w): w is string => !!w && w.length >= 3))];
}
