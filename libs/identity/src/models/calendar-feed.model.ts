import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CarriesCredentials, DateTimeScalar } from '@standpoint/graphql';

/**
 * A calendar feed just made. Its address holds the secret and is answered this once (it is stored
 * only as a hash), so it is never kept for an idempotent replay either.
 */
@ObjectType('CalendarFeed')
@CarriesCredentials()
export class CalendarFeedModel {
  @Field(() => ID)
  id!: string;

  @Field({
    description:
      'The address to subscribe to (`…/calendar/<secret>.ics`). Shown once: keep it like a password.',
  })
  url!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
