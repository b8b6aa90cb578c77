import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * A user a brand's identity provider provisions through SCIM: what the provider holds of them in
 * this brand (their account and membership are identity's own rows). Its SCIM id is the user's id.
 */
@Entity('scim_user')
@Unique('uq_scim_user_brand_user', ['brandId', 'userId'])
export class ScimUserEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  /** The provider's own id for the user, kept and answered back. */
  @Column({ type: 'varchar', length: 256, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  givenName!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  familyName!: string | null;

  /** False while the provider has them deactivated: they hold no membership in the brand then. */
  @Column({ type: 'boolean' })
  active!: boolean;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
