import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DeadlineKind } from './rules';

/**
 * Something the worker must do at a time: remind a step's approvers, act on its timeout, end a
 * freeze. Claimed by one worker (SKIP LOCKED on PostgreSQL, a conditional UPDATE on SQLite) and
 * done exactly once.
 */
@Entity('deadline')
@Index('ix_deadline_due', ['doneAt', 'dueAt'])
export class DeadlineEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: DeadlineKind;

  /** The approval step or content freeze it is about. */
  @Column({ type: 'varchar', length: 64 })
  subjectId!: string;

  @DateTimeColumn()
  dueAt!: Date;

  @DateTimeColumn({ nullable: true })
  doneAt!: Date | null;

  /** Why it was done without acting (the step was decided first, say); null when it acted. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  outcome!: string | null;
}
