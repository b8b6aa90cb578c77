import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@standpoint/graphql';
import { TeamsConnectionEntity } from './teams-connection.entity';

/** A brand's Teams workflow as its admins see it: where it posts, never its URL. */
@ObjectType('TeamsConnection')
export class TeamsConnectionModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The workflow URL's host, e.g. prod-01.westeurope.logic.azure.com." })
  host!: string;

  @Field({ description: "The URL's last characters, to recognise it; the URL is never shown." })
  hint!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  static from(row: TeamsConnectionEntity): TeamsConnectionModel {
    return Object.assign(new TeamsConnectionModel(), {
      id: row.id,
      host: row.host,
      hint: row.hint,
      updatedAt: row.updatedAt,
    });
  }
}
