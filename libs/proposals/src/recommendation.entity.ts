import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index } from 'typeorm';
import { Recommendation } from './rules';
import { ProposalChildEntity } from './proposal-child.entity';

/** The social team's formal advice on one revision; every one is kept, the latest counts. */
@Entity('recommendation')
@Index('ix_recommendation_proposal', ['proposalId', 'id'])
export class RecommendationEntity extends ProposalChildEntity {
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
