import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Recommendation } from './rules';

/** The social team's formal advice on one revision; every one is kept, the latest counts. */
@Entity('recommendation')
@Index('ix_recommendation_proposal', ['proposalId', 'id'])
export class RecommendationEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 32 })
  recommendation!: Recommendation;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'varchar', length: 64 })
  byId!: string;

  @Column({ type: 'integer' })
  revisionNumber!: number;

  @DateTimeColumn()
  at!: Date;
}
