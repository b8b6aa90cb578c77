import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditDispatcher, AuditModule, CheckpointListeners } from '@standpoint/audit';
import { AUDIT_ACTIONS } from '@standpoint/events';
import { NotificationsModule } from '../notifications.module';
import { OutboxTransports } from '../outbox/outbox-transport';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookOutboxService } from './webhook-outbox.service';
import { WebhookTransport } from './webhook.transport';

/**
 * Signed webhooks: the brand's endpoints, a delivery queued with every change and every checkpoint
 * they subscribe to, and the transport of the outbox's WEBHOOK channel. Import it in every process that changes
 * anything or delivers the outbox.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEndpointEntity]), AuditModule, NotificationsModule],
  providers: [WebhookEndpointsService, WebhookOutboxService, WebhookTransport],
  exports: [WebhookEndpointsService, WebhookTransport],
})
export class WebhooksModule implements OnModuleInit {
  constructor(
    private readonly dispatcher: AuditDispatcher,
    private readonly checkpoints: CheckpointListeners,
    private readonly transports: OutboxTransports,
    private readonly outbox: WebhookOutboxService,
    private readonly transport: WebhookTransport,
  ) {}

  onModuleInit(): void {
    this.dispatcher.onAppended(AUDIT_ACTIONS, (ctx, event) => this.outbox.enqueue(ctx, event));
    this.checkpoints.listen((ctx, checkpoint) => this.outbox.enqueueCheckpoint(ctx, checkpoint));
    this.transports.register(this.transport);
  }
}
