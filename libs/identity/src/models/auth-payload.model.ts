import { Field, ObjectType } from '@nestjs/graphql';
import { CarriesCredentials } from '@standpoint/graphql';
import { UserModel } from './user.model';

/** What `login` answers; it holds an access token, so it is never kept for an idempotent replay. */
@ObjectType('AuthPayload')
@CarriesCredentials()
export class AuthPayloadModel {
  @Field()
  token!: string;

  @Field(() => UserModel)
  user!: UserModel;
}
