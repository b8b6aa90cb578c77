import { Field, ObjectType } from '@nestjs/graphql';
import { Node } from '@standpoint/graphql';
import { UserEntity } from '../user.entity';

@ObjectType('User', { implements: () => [Node] })
export class UserModel extends Node {
  @Field()
  email!: string;

  @Field()
  name!: string;

  /** Not a field as such: `timeZone` is resolved for the user themselves only. */
  storedTimeZone!: string;

  static from(user: UserEntity): UserModel {
    return Object.assign(new UserModel(), {
      id: user.id,
      email: user.email,
      name: user.name,
      storedTimeZone: user.timeZone,
    });
  }
}
