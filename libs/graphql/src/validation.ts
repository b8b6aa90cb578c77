import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from '@standpoint/errors';
import { textProblem } from './text-rules';

/** Enough to fix a request by; a list of a thousand bad strings is not named a thousand times. */
const MAX_TEXT_PROBLEMS = 20;

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

/** Every string in `value` (an argument as sent: strings, lists, input objects) that breaks the text rule. */
export function textProblems(
  value: unknown,
  field: string,
  found: FieldProblem[] = [],
): FieldProblem[] {
  if (found.length >= MAX_TEXT_PROBLEMS) return found;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) found.push({ field, rules: ['plainText'], messages: [problem] });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => textProblems(item, `${field}[${i}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) textProblems(item, `${field}.${key}`, found);
  }
  return found;
}

class InvalidArgument extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('invalid argument');
  }
}

/**
 * The pipe every GraphQL argument passes (root and field resolvers alike, through the `Args` of
 * validated-args.ts; Nest gives them the type `body`, as it does an HTTP body): refuses a string
 * anywhere in it that breaks the text rule (text-rules.ts), then validates it with
 * class-validator, and answers a bad one with BAD_USER_INPUT naming each field by its path from
 * the argument (`input.slug`) and each rule.
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
    // First: validators may fail on such text themselves (isEmail throws on a lone surrogate).
    const unreadable = metadata.type === 'body' ? textProblems(value, metadata.data ?? 'body') : [];
    if (unreadable.length > 0) throw DomainError.invalidFields(unreadable);
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof InvalidArgument)) throw error;
      throw DomainError.invalidFields(fieldProblems(error.errors, metadata.data));
    }
  }
}
