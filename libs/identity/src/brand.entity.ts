import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The tenant: nothing crosses from one brand to another. */
@Entity('brand')
export class BrandEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 63, unique: true })
  slug!: string;

  @DateTimeColumn()
  createdAt!: Date;
}
