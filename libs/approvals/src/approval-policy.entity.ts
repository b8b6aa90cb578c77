import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { PasskeyRequirement, type PolicyStep } from './rules';

/** One version of a brand's approval policy; setting a policy writes the next version. */
@Entity('approval_policy')
@Unique('uq_approval_policy_brand_version', ['brandId', 'version'])
export class ApprovalPolicyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @JsonColumn()
  steps!: PolicyStep[];

  /** Which decisions the approver confirms with their passkey. */
  @Column({ type: 'varchar', length: 16, default: PasskeyRequirement.NONE })
  passkeyRequiredFor!: PasskeyRequirement;

  /** Null for the default policy every brand starts with. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  createdById!: string | null;

  @DateTimeColumn()
  createdAt!: Date;
}
