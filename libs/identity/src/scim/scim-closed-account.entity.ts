import { DateTimeColumn } from '@standpoint/database';
import { Entity, PrimaryColumn } from 'typeorm';

/**
 * An account that a brand's provider closed (its last membership ended through SCIM), so that a
 * provider may open it again; one that a platform administrator deactivated has no row, and stays
 * closed. Kept while the account is closed, whatever becomes of the SCIM user who closed it.
 */
@Entity('scim_closed_account')
export class ScimClosedAccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  userId!: string;

  @DateTimeColumn()
  closedAt!: Date;
}
