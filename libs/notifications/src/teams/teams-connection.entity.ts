import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The Teams workflow a brand's cards are posted to: one per brand. Its URL carries the signature
 * that lets anyone post, so it is kept sealed (SecretBox, bound to this row) and shown only as its
 * host and hint.
 */
@Entity('teams_connection')
@Index('uq_teams_connection_brand', ['brandId'], { unique: true })
export class TeamsConnectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  /** The workflow's URL, sealed with the context `teams_connection:<id>:url`. */
  @Column({ type: 'text' })
  sealedUrl!: string;

  @Column({ type: 'varchar', length: 255 })
  host!: string;

  /** The URL's last characters, for the admin to recognise it. */
  @Column({ type: 'varchar', length: 16 })
  hint!: string;

  @Column({ type: 'varchar', length: 64 })
  createdById!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}

/** What a sealed URL of this connection is bound to. */
export function teamsUrlContext(connectionId: string): string {
  return `teams_connection:${connectionId}:url`;
}
