import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SignedCheckpoint } from '@standpoint/audit';
import { ConnectionType, DateTimeScalar } from '@standpoint/graphql';

@ObjectType('AuditCheckpoint', {
  description:
    "A signed statement of a brand's audit chain head and Merkle tree root; verify it with the keys of GET /audit/public-key.",
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

  @Field({
    description:
      'Base64 Ed25519 signature: over the signed note, or, on checkpoints signed before the Merkle tree, over their canonical JSON text (docs/audit-trail.md).',
  })
  signature!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Base64 RFC 9162 Merkle tree root of the first `size` events; null on checkpoints signed before the tree.',
  })
  rootHash!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The C2SP checkpoint (c2sp.org/tlog-checkpoint): a signed note of the origin, size and root, as witnesses keep it; null on checkpoints signed before the tree.',
  })
  note!: string | null;

  static from(checkpoint: SignedCheckpoint): AuditCheckpointModel {
    return Object.assign(new AuditCheckpointModel(), {
      ...checkpoint,
      signedAt: new Date(checkpoint.signedAt),
    });
  }
}

export const AuditCheckpointConnection = ConnectionType('AuditCheckpoint', AuditCheckpointModel);
