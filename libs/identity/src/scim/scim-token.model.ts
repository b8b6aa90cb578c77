import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CarriesCredentials, DateTimeScalar } from '@standpoint/graphql';

@ObjectType('ScimToken', { description: 'A brand’s SCIM bearer token, without the token itself.' })
export class ScimTokenModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What the ADMIN called the identity provider holding it.' })
  label!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

/**
 * A SCIM token just made. The token is answered this once (it is stored only as a hash), so it is
 * never kept for an idempotent replay either.
 */
@ObjectType('NewScimToken')
@CarriesCredentials()
export class NewScimTokenModel extends ScimTokenModel {
  @Field({
    description:
      'The bearer token to enter in the identity provider, with the base URL `…/scim/v2`. Shown once: keep it like a password.',
  })
  token!: string;
}
