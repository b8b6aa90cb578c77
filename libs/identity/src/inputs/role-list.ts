import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsEnum } from 'class-validator';
import { Role } from '../models/role.graphql';

/** An input's roles: at least one, each once, each a Role. */
export function RoleList(): PropertyDecorator {
  return applyDecorators(
    Field(() => [Role]),
    ArrayNotEmpty(),
    ArrayMaxSize(Object.values(Role).length),
    ArrayUnique(),
    IsEnum(Role, { each: true }),
  );
}
