import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { Role } from '../role';

/** The roles an identity provider's group gives in a brand; one row per brand and group. */
@Entity('group_role_mapping')
@Unique('uq_group_role_mapping_brand_group', ['brandId', 'groupKey'])
export class GroupRoleMappingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  /** The group's name as the ADMIN wrote it. */
  @Column({ type: 'varchar', length: 256 })
  group!: string;

  /** The name as it is matched (group-roles.rules.ts, groupKey). */
  @Column({ type: 'varchar', length: 256 })
  groupKey!: string;

  @JsonColumn()
  roles!: Role[];

  @DateTimeColumn()
  updatedAt!: Date;
}
