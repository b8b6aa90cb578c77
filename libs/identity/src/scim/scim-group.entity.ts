import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A group a brand's identity provider pushes through SCIM; its name picks its roles (group-roles). */
@Entity('scim_group')
@Unique('uq_scim_group_brand_name', ['brandId', 'groupKey'])
export class ScimGroupEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 256 })
  displayName!: string;

  /** The name as group mappings match it (groupKey). */
  @Column({ type: 'varchar', length: 256 })
  groupKey!: string;

  @Column({ type: 'varchar', length: 256, nullable: true })
  externalId!: string | null;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
