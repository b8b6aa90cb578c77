import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SignedCheckpoint } from '@standpoint/audit';
import { ConnectionType, DateTimeScalar } from '@standpoint/graphql';

@ObjectType('AuditCheckpoint', {
  description:
    "A signed statement of a brand's audit chain head; verify it with the key of GET /audit/public-key.",
})
export class AuditCheckpointModel {
  @Field(() => ID)
  brandId!: string;

  @Field(() => Int, { description: 'The number of events, which is the last sequence number.' })
  size!: number;

  @Field({ description: 'The hash of the event at sequence number `size`.' })
  headHash!: string;

  @Field(() => DateTimeScalar)
  signedAt!: Date;

  @Field({
    description: "sha256: and the hex SHA-256 of the public key's DER SubjectPublicKeyInfo.",
  })
  keyId!: string;

  @Field({ description: 'Base64 Ed25519 signature over the canonical text (README).' })
  signature!: string;

  static from(checkpoint: SignedCheckpoint): AuditCheckpointModel {
    return Object.assign(new AuditCheckpointModel(), {
      ...checkpoint,
      signedAt: new Date(checkpoint.signedAt),
    });
  }
}

export const AuditCheckpointConnection = ConnectionType('AuditCheckpoint', AuditCheckpointModel);
