import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from './domain-error';

/** Flattens class-validator's nested errors into one entry per field path. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = !parent
      ? error.property
      : /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`;
    const own: FieldProblem[] = error.constraints
      ? [
          {
            field,
            rules: Object.keys(error.constraints),
            messages: Object.values(error.constraints),
          },
        ]
      : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

class InvalidArgument extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('invalid argument');
  }
}

/**
 * The global pipe: validates every argument with class-validator, and answers a bad one with
 * BAD_USER_INPUT naming each field by its path from the argument (`input.slug`) and each rule.
 */
export class ArgumentValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      forbidUnknownValues: false,
      exceptionFactory: (errors) => new InvalidArgument(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof InvalidArgument)) throw error;
      const problems = fieldProblems(error.errors, metadata.data);
      const message = problems
        .map((p) => `${p.field}: ${p.messages.join('; ')} (${p.rules.join(', ')})`)
        .join('. ');
      throw DomainError.badInput(`Invalid input: ${message}`, { fields: problems });
    }
  }
}
