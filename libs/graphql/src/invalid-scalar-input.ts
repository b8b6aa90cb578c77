import { GraphQLFormattedError } from 'graphql';
import { ApiErrorCode } from './api-error-code';

/** What a scalar of ours throws for a value it refuses. */
export class InvalidScalarInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidScalarInput';
  }
}

/**
 * A value our scalar refuses is the client's input, wherever it is written. In a variable Apollo
 * already answers BAD_USER_INPUT; in a literal graphql-js reports it from validation, which Apollo
 * answers GRAPHQL_VALIDATION_FAILED. This `formatError` gives both the same code.
 */
export function formatScalarInputError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = (error as { originalError?: unknown } | null)?.originalError;
  if (!(original instanceof InvalidScalarInput)) return formatted;
  return {
    ...formatted,
    extensions: { ...formatted.extensions, code: ApiErrorCode.BAD_USER_INPUT },
  };
}
