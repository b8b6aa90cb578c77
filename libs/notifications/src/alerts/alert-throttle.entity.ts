import { DateTimeColumn } from '@standpoint/database';
import { Entity, PrimaryColumn } from 'typeorm';

/** Until when an alert about one thing (`key`) is not raised again for a brand. */
@Entity('alert_throttle')
export class AlertThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  brandId!: string;

  /** What the alert is about, e.g. `delivery_gave_up:<hash of the channel and recipient>`. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key!: string;

  @DateTimeColumn()
  quietUntil!: Date;
}
