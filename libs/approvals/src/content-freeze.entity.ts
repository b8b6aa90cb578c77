import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Crisis mode for a brand: while it holds, nothing is scheduled or published. */
@Entity('content_freeze')
@Index('ix_content_freeze_brand', ['brandId', 'endedAt'])
export class ContentFreezeEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @DateTimeColumn()
  startedAt!: Date;

  /** When it ends by itself; null until someone ends it. */
  @DateTimeColumn({ nullable: true })
  endsAt!: Date | null;

  @Column({ type: 'varchar', length: 64 })
  startedById!: string;

  /** Members who may still schedule and mark published during the freeze. */
  @JsonColumn()
  allowedUserIds!: string[];

  @DateTimeColumn({ nullable: true })
  endedAt!: Date | null;

  /** Null when it ended by itself. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  endedById!: string | null;
}
