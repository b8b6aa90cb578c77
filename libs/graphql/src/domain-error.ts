export interface FieldProblem {
  field: string;
  rules: string[];
  messages: string[];
}

/** The `extensions.code` of a GraphQL error; stable, clients branch on it. */
export enum ApiErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  /** The object's current state does not allow this (a closed dossier, a withdrawn evidence). */
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The operation is too deep, too costly or too wide to run (query-limits.ts); HTTP 400. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The request body is larger than the server reads (http-setup.ts); HTTP 413. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * A failure that is not an expected business outcome: the caller is not signed in or not allowed,
 * the input is malformed, the id names nothing. Services throw it; one filter turns it into a
 * GraphQL error (or an HTTP status) with `code`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** Extra, safe-to-show detail for the client (for example the fields that failed validation). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string): DomainError {
    return new DomainError(ApiErrorCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError(ApiErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(
    message = 'Sign in first: send Authorization: Bearer <token>',
  ): DomainError {
    return new DomainError(ApiErrorCode.UNAUTHENTICATED, message);
  }

  static badInput(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(ApiErrorCode.BAD_USER_INPUT, message, details);
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
    return new DomainError(ApiErrorCode.CONFLICT, message);
  }

  /** TOO_MANY_REQUESTS, telling the client how long to wait (`extensions.retryAfterSeconds`). */
  static tooManyRequests(message: string, retryAfterSeconds: number): DomainError {
    return new DomainError(ApiErrorCode.TOO_MANY_REQUESTS, message, { retryAfterSeconds });
  }
}
