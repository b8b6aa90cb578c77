import { Field, ID, InputType } from '@nestjs/graphql';
import { NotBlank } from '@standpoint/graphql';
import { MaxLength } from 'class-validator';
import { RoleList } from '../inputs/role-list';
import { Role } from '../models/role.graphql';

@InputType('SetGroupRolesInput')
export class SetGroupRolesInput {
  @Field(() => ID)
  brandId!: string;

  @Field({ description: 'The group’s name as the identity provider sends it (its displayName).' })
  @NotBlank()
  @MaxLength(256)
  group!: string;

  @RoleList()
  roles!: Role[];
}
