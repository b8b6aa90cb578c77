import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * A signed statement of a brand's chain head (`audit-checkpoint.ts`). One per head: two workers or
 * an export racing the worker store the first and ignore the rest.
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
}
