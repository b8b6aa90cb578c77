import { Field, ObjectType } from '@nestjs/graphql';
import { AuditProof } from '@standpoint/audit';
import { AuditCheckpointModel } from './audit-checkpoint.model';

@ObjectType('AuditProof', {
  description:
    'A proof file to check offline, with no database: save `file` and run `npx standpoint audit verify-proof <file> --public-key <GET /audit/public-key URL>` (docs/audit-trail.md).',
})
export class AuditProofModel {
  @Field({
    description:
      'The proof file (JSON): the event or the two checkpoints, the C2SP proof and the key ring.',
  })
  file!: string;

  @Field(() => AuditCheckpointModel, { description: 'The signed checkpoint the proof leads to.' })
  checkpoint!: AuditCheckpointModel;

  static from(proof: AuditProof): AuditProofModel {
    return Object.assign(new AuditProofModel(), {
      file: proof.file,
      checkpoint: AuditCheckpointModel.from(proof.checkpoint),
    });
  }
}
