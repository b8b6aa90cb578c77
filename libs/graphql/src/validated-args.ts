// The one place Nest's own Args is used: everywhere else, arguments come through this one.
// eslint-disable-next-line no-restricted-imports
import { Args as NestArgs, ArgsOptions } from '@nestjs/graphql';
import { ArgumentValidationPipe } from './validation';

/** Stateless: one instance validates every argument. */
const validation = new ArgumentValidationPipe();

/**
 * Nest's `@Args` with the argument validated by ArgumentValidationPipe (text rules, then
 * class-validator). The pipe belongs to the arguments rather than to the whole application, so
 * that the parent and the context of every field resolver do not pass through it: on a page of
 * 20 proposals that was 80 field resolvers, each waiting on the pipe for nothing to check.
 */
export function Args(property: string, options?: ArgsOptions): ParameterDecorator {
  return options ? NestArgs(property, options, validation) : NestArgs(property, validation);
}
