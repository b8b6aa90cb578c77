import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AuditEventEntity } from '@standpoint/audit';
import { ConnectionType, DateTimeScalar, Node } from '@standpoint/graphql';
import canonicalize from 'canonicalize';

@ObjectType('AuditEvent', { implements: () => [Node] })
export class AuditEventModel extends Node {
  actorId!: string | null;

  @Field(() => Int)
  seq!: number;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field({
    description:
      "Who or what acted, readable: a user's email, 'email-link:<approver email>', 'slack:<member email>', or 'system'.",
  })
  actorLabel!: string;

  @Field()
  action!: string;

  @Field()
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field({ description: "The event's payload as JSON text (RFC 8785 canonical form)." })
  data!: string;

  @Field()
  prevHash!: string;

  @Field()
  hash!: string;

  static from(row: AuditEventEntity): AuditEventModel {
    return Object.assign(new AuditEventModel(), {
      id: row.id,
      actorId: row.actorId,
      seq: row.seq,
      at: row.at,
      actorLabel: row.actorLabel,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      data: canonicalize(row.data) ?? '{}',
      prevHash: row.prevHash,
      hash: row.hash,
    });
  }
}

export const AuditEventConnection = ConnectionType('AuditEvent', AuditEventModel);
