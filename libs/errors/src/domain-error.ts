/** What is wrong with one input field: the rules it broke and why, said for a person. */
export interface FieldProblem {
  field: string;
  rules: string[];
  messages: string[];
}

/**
 * Why the domain refuses a request. The API answers it as the error's `extensions.code` (and an
 * HTTP status); the codes only the API layer gives (a query too complex, an internal error) are
 * its own (libs/graphql's ApiErrorCode).
 */
export enum RefusalCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  /** The object's current state does not allow this (a closed dossier, a withdrawn evidence). */
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The account signs in through its organisation's identity provider, not with a password. */
  SSO_REQUIRED = 'SSO_REQUIRED',
  /** The request or the file it carries is larger than the server reads; HTTP 413. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
}

/**
 * A failure that is not an expected business outcome: the caller is not signed in or not allowed,
 * the input is malformed, the id names nothing. Services throw it; one filter of the API layer
 * (domain-error.filter.ts) turns it into a GraphQL error (or an HTTP status) with `code`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    /** Extra, safe-to-show detail for the client (for example the fields that failed validation). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string): DomainError {
    return new DomainError(RefusalCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError(RefusalCode.FORBIDDEN, message);
  }

  static unauthenticated(
    message = 'Sign in first: send Authorization: Bearer <token>',
  ): DomainError {
    return new DomainError(RefusalCode.UNAUTHENTICATED, message);
  }

  static badInput(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(RefusalCode.BAD_USER_INPUT, message, details);
  }

  /** BAD_USER_INPUT naming each field, its rules and what is wrong with it. */
  static invalidFields(problems: readonly FieldProblem[]): DomainError {
    const message = problems
      .map((p) => `${p.field}: ${p.messages.join('; ')} (${p.rules.join(', ')})`)
      .join('. ');
    return DomainError.badInput(`Invalid input: ${message}`, { fields: problems });
  }

  /** The same, for rules that report one rule and message per problem. */
  static invalidField(
    problems: readonly { field: string; rule: string; message: string }[],
  ): DomainError {
    return DomainError.invalidFields(
      problems.map((p) => ({ field: p.field, rules: [p.rule], messages: [p.message] })),
    );
  }

  static conflict(message: string): DomainError {
    return new DomainError(RefusalCode.CONFLICT, message);
  }

  /** SSO_REQUIRED, naming the provider and where its sign-in starts (`extensions.signInUrl`). */
  static ssoRequired(providerName: string, signInUrl: string): DomainError {
    return new DomainError(
      RefusalCode.SSO_REQUIRED,
      `Sign in through ${providerName}: your brand requires single sign-on`,
      { providerName, signInUrl },
    );
  }

  static tooLarge(message: string): DomainError {
    return new DomainError(RefusalCode.PAYLOAD_TOO_LARGE, message);
  }

  /** TOO_MANY_REQUESTS, telling the client how long to wait (`extensions.retryAfterSeconds`). */
  static tooManyRequests(message: string, retryAfterSeconds: number): DomainError {
    return new DomainError(RefusalCode.TOO_MANY_REQUESTS, message, { retryAfterSeconds });
  }
}
