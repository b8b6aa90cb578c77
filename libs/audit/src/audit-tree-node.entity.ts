import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A perfect subtree of a brand's Merkle tree: the 2^level events from position × 2^level, as the
 * checkpoints sealed them. Proofs read these instead of every event; subtrees of fewer than
 * `STORED_FROM_LEVEL` levels are recomputed from their few events. Not evidence: a proof built from
 * a wrong node does not verify against the signed root.
 */
@Entity('audit_tree_node')
export class AuditTreeNodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  brandId!: string;

  @PrimaryColumn({ type: 'integer' })
  level!: number;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  /** Base64 SHA-256. */
  @Column({ type: 'varchar', length: 44 })
  hash!: string;
}
