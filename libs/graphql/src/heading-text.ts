import { ValidateBy, ValidationOptions } from 'class-validator';
import { headingProblem } from './text-rules';

/**
 * A text shown as a heading (a proposal's title, a brand's or a step's name): no bidirectional
 * control, which would let it show other words than it holds.
 */
export function HeadingText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'headingText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !headingProblem(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'the value'} ${headingProblem(String(args?.value)) ?? ''}`.trim(),
      },
    },
    options,
  );
}
