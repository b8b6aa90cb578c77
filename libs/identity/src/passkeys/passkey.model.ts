import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@standpoint/graphql';
import { PasskeyEntity } from './passkey.entity';

@ObjectType('Passkey', { description: 'A passkey its owner confirms decisions with.' })
export class PasskeyModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'base64url: how the authenticator names it.' })
  credentialId!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt!: Date | null;

  static from(row: PasskeyEntity): PasskeyModel {
    return Object.assign(new PasskeyModel(), {
      id: row.id,
      name: row.name,
      credentialId: row.credentialId,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
    });
  }
}
