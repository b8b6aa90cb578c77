import { Type } from '@nestjs/common';
import { createUnionType, Field, InterfaceType, registerEnumType } from '@nestjs/graphql';

/** Expected business failures of the workflow mutations, returned as data (contract: ErrorCode). */
export enum ErrorCode {
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  STALE_REVISION = 'STALE_REVISION',
  NOT_AN_APPROVER = 'NOT_AN_APPROVER',
  ALREADY_DECIDED = 'ALREADY_DECIDED',
  SELF_APPROVAL = 'SELF_APPROVAL',
  ACKNOWLEDGEMENT_REQUIRED = 'ACKNOWLEDGEMENT_REQUIRED',
  CONTENT_FREEZE_ACTIVE = 'CONTENT_FREEZE_ACTIVE',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  INCOMPLETE_PROPOSAL = 'INCOMPLETE_PROPOSAL',
}
registerEnumType(ErrorCode, { name: 'ErrorCode' });

/** What every member of a result union that is not the success type implements. */
@InterfaceType('ErrorResult', { resolveType: (value: object) => value.constructor })
export abstract class ErrorResult {
  @Field(() => ErrorCode)
  errorCode!: ErrorCode;

  @Field()
  message!: string;
}

/**
 * A mutation's result union: the success type and its expected failures. Members are told apart
 * by their class, so services return instances of the member types.
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
