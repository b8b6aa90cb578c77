import { Type } from '@nestjs/common';
import { createUnionType, Field, InterfaceType, registerEnumType } from '@nestjs/graphql';

/**
 * The contract's `ErrorCode` enum: the expected business failures of every feature. Each feature
 * owns its codes and declares them with `declareErrorCodes` in its `*.errors.ts`, beside the error
 * results that carry them. The one GraphQL enum is assembled here, not owned by a feature, because
 * the ErrorResult interface below types its `errorCode` with it and this layer imports no feature.
 * A schema that holds an error result holds its code, whatever order the features load in; the
 * served values are checked against a list in test/graphql-conventions.e2e-spec.ts.
 */
const ErrorCode: Record<string, string> = {};
registerEnumType(ErrorCode, { name: 'ErrorCode' });

/** Adds a feature's business error codes, each its own name on the wire, to `ErrorCode`. */
export function declareErrorCodes<const Code extends string>(
  codes: readonly Code[],
): { readonly [C in Code]: C } {
  // A code has one owner: two features meaning different things by it would confuse clients.
  const taken = codes.find((code) => Object.hasOwn(ErrorCode, code));
  if (taken) throw new Error(`The error code ${taken} is declared twice`);
  const declared = Object.fromEntries(codes.map((code) => [code, code]));
  Object.assign(ErrorCode, declared);
  return Object.freeze(declared) as { readonly [C in Code]: C };
}

/** What every member of a result union that is not the success type implements. */
@InterfaceType('ErrorResult', { resolveType: (value: object) => value.constructor })
export abstract class ErrorResult {
  /** One of the codes the features declared (declareErrorCodes). */
  @Field(() => ErrorCode)
  errorCode!: string;

  @Field()
  message!: string;
}

/** An expected failure to return: an instance of its type, as result unions tell members apart. */
export function errorResult<T extends ErrorResult>(
  type: new () => T,
  errorCode: string,
  message: string,
  extra?: Omit<T, keyof ErrorResult>,
): T {
  return Object.assign(new type(), { errorCode, message, ...extra });
}

/**
 * A mutation's result union: the success type and its expected failures, all named in its
 * declaration. Members are told apart by their class, so services return instances of the member
 * types.
 */
export function resultUnion<const T extends readonly Type<object>[]>(name: string, types: T) {
  return createUnionType({
    name,
    types: () => types,
    resolveType: (value: object) => {
      const member = types.find((type) => value instanceof type);
      if (!member) throw new Error(`${value.constructor.name} is not a member of ${name}`);
      return member;
    },
  });
}
