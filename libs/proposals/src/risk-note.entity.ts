import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index } from 'typeorm';
import { RiskCategory, RiskStatus } from './rules';
import { ProposalChildEntity } from './proposal-child.entity';

@Entity('risk_note')
@Index('ix_risk_note_proposal', ['proposalId'])
export class RiskNoteEntity extends ProposalChildEntity {
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
