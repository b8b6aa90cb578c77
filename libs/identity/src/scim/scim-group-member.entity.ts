import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A provisioned user in a SCIM group of the same brand. */
@Entity('scim_group_member')
@Index('ix_scim_group_member_brand_user', ['brandId', 'userId'])
export class ScimGroupMemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  groupId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;
}
