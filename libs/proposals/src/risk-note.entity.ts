import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RiskCategory, RiskStatus } from './rules';

@Entity('risk_note')
@Index('ix_risk_note_proposal', ['proposalId'])
export class RiskNoteEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 32 })
  category!: RiskCategory;

  @Column({ type: 'integer' })
  likelihood!: number;

  @Column({ type: 'integer' })
  impact!: number;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  mitigation!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: RiskStatus;

  @Column({ type: 'varchar', length: 64 })
  authorId!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
