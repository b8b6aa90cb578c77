import { Field, ID, InputType } from '@nestjs/graphql';
import { NotBlank } from '@standpoint/graphql';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsEnum, MaxLength } from 'class-validator';
import { Role } from '../models/role.graphql';

@InputType('SetGroupRolesInput')
export class SetGroupRolesInput {
  @Field(() => ID)
  brandId!: string;

  @Field({ description: 'The group’s name as the identity provider sends it (its displayName).' })
  @NotBlank()
  @MaxLength(256)
  group!: string;

  @Field(() => [Role])
  @ArrayNotEmpty()
  @ArrayMaxSize(Object.values(Role).length)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles!: Role[];
}
