import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DEFAULT_TIME_ZONE } from './time-zone';

@Entity('user')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  /** Lower-cased; unique. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** argon2id; null until the user has a password (they cannot sign in). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'boolean', default: false })
  platformAdmin!: boolean;

  /** IANA name (see time-zone.ts): the zone their emails and calendar show times in. */
  @Column({ type: 'varchar', length: 64, default: DEFAULT_TIME_ZONE })
  timeZone!: string;

  @DateTimeColumn()
  createdAt!: Date;

  /** Set by a platform administrator: the user signs in no more and has no session or link. */
  @DateTimeColumn({ nullable: true })
  deactivatedAt!: Date | null;
}
