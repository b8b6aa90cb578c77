import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { BrandEntity } from './brand.entity';
import { Role } from './role';
import { UserEntity } from './user.entity';

@Entity('membership')
@Unique('uq_membership_brand_user', ['brandId', 'userId'])
export class MembershipEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brandId' })
  brand?: BrandEntity;

  @Index('ix_membership_user')
  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user?: UserEntity;

  @JsonColumn()
  roles!: Role[];

  @DateTimeColumn()
  createdAt!: Date;
}
