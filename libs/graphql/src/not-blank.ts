import { ValidateBy, ValidationOptions } from 'class-validator';

/** A text with something in it besides white space (IsNotEmpty lets "   " through). */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: (args) => `${args?.property ?? 'the value'} must not be blank`,
      },
    },
    options,
  );
}
