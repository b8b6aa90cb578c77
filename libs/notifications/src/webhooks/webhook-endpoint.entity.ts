import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { WebhookEventType } from './webhook-events';

/** Where a brand's publishing tool wants to hear of changes, and the secret deliveries are signed with. */
@Entity('webhook_endpoint')
@Index('ix_webhook_endpoint_brand', ['brandId'])
export class WebhookEndpointEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  /** The HMAC key of the signatures; kept to sign every delivery, shown to the admin only once. */
  @Column({ type: 'varchar', length: 255 })
  secret!: string;

  @JsonColumn()
  eventTypes!: WebhookEventType[];

  /** A disabled endpoint keeps its settings but is sent nothing new. */
  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 64 })
  createdById!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
