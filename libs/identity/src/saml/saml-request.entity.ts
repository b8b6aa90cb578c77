import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An AuthnRequest this side sent and has not seen answered: a response that says it answers a
 * request (InResponseTo) must answer one of these, of its provider, once and in time. Kept in the
 * database, not in one process's memory, so any API instance can take the answer.
 */
@Entity('saml_request')
@Index('ix_saml_request_expires', ['expiresAt'])
export class SamlRequestEntity {
  /** The request's ID attribute. */
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  providerId!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  expiresAt!: Date;
}
