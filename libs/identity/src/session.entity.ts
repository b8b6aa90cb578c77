import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in session: every access token names one (its `sid` claim), and a token whose session
 * row is gone is refused on its next request. Ending a session deletes its row.
 */
@Entity('session')
@Index('ix_session_user', ['userId'])
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  @DateTimeColumn()
  createdAt!: Date;

  /** When its latest token expires; a row past it is swept at the user's next sign-in. */
  @DateTimeColumn()
  expiresAt!: Date;
}
