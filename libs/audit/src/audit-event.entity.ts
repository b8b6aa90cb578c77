import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * One link of a brand's audit chain. Rows are only ever inserted: triggers in the database refuse
 * UPDATE, DELETE and TRUNCATE.
 */
@Entity('audit_event')
@Unique('uq_audit_event_brand_seq', ['brandId', 'seq'])
// The events of one entity (a proposal's decision record, the entityId filter) without a scan.
@Index('ix_audit_event_entity', ['entityId'])
// How many events of one action a brand had lately (the reports a read records are bounded by it).
@Index('ix_audit_event_brand_action', ['brandId', 'action', 'at'])
export class AuditEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @DateTimeColumn()
  at!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 400 })
  actorLabel!: string;

  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Column({ type: 'varchar', length: 50 })
  entityType!: string;

  @Column({ type: 'varchar', length: 64 })
  entityId!: string;

  @JsonColumn()
  data!: object;

  @Column({ type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  /** The exact text that was hashed. */
  @Column({ type: 'text' })
  canonical!: string;
}
