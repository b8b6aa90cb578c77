import { Field, ObjectType } from '@nestjs/graphql';
import { MembershipEntity } from '../membership.entity';
import { Role } from './role.graphql';

/** A user's roles in one brand; `brand` and `user` are resolved fields. */
@ObjectType('Membership')
export class MembershipModel {
  brandId!: string;
  userId!: string;

  @Field(() => [Role])
  roles!: Role[];

  static from(membership: MembershipEntity): MembershipModel {
    return Object.assign(new MembershipModel(), {
      brandId: membership.brandId,
      userId: membership.userId,
      roles: membership.roles,
    });
  }
}
