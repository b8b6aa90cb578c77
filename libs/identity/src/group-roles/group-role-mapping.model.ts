import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@standpoint/graphql';
import { Role } from '../models/role.graphql';
import { GroupRoleMappingEntity } from './group-role-mapping.entity';

@ObjectType('GroupRoleMapping', {
  description:
    'The roles that members of an identity provider group hold in a brand (SCIM provisioning and sign-in through the provider).',
})
export class GroupRoleMappingModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  brandId!: string;

  @Field({ description: 'The group’s name; matched whatever its case.' })
  group!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  static from(row: GroupRoleMappingEntity): GroupRoleMappingModel {
    const { id, brandId, group, roles, updatedAt } = row;
    return Object.assign(new GroupRoleMappingModel(), { id, brandId, group, roles, updatedAt });
  }
}
