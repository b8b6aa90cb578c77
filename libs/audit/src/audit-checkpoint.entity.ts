import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * A signed statement of a brand's chain head and tree root (`rules/audit-checkpoint.ts`). One per
 * head: two workers or an export racing the worker store the first and ignore the rest.
 */
@Entity('audit_checkpoint')
@Unique('uq_audit_checkpoint_brand_size', ['brandId', 'size'])
export class AuditCheckpointEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  headHash!: string;

  @DateTimeColumn()
  signedAt!: Date;

  @Column({ type: 'varchar', length: 100 })
  keyId!: string;

  @Column({ type: 'varchar', length: 200 })
  signature!: string;

  /** Base64 RFC 9162 root of the first `size` events; null on checkpoints of the first format. */
  @Column({ type: 'varchar', length: 44, nullable: true })
  rootHash!: string | null;

  /** The C2SP signed note (`signature` is its signature); null on checkpoints of the first format. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /**
   * The tree's right edge at `size`, a JSON array of base64 hashes, from which the next checkpoint
   * extends the tree without reading the events before. Not evidence: it must give `rootHash`.
   */
  @Column({ type: 'text', nullable: true })
  treeEdge!: string | null;
}
