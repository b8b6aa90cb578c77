import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

export interface FieldProblem {
  field: string;
  rules: string[];
  messages: string[];
}

/** Flattens class-validator's nested errors into one entry per field path. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints
      ? [{ field, rules: Object.keys(error.constraints), messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** The global ValidationPipe: a bad input answers BAD_USER_INPUT naming each field and rule. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const problems = fieldProblems(errors);
      const message = problems
        .map((p) => `${p.field}: ${p.messages.join('; ')} (${p.rules.join(', ')})`)
        .join('. ');
      return DomainError.badInput(`Invalid input: ${message}`, { fields: problems });
    },
  });
}
