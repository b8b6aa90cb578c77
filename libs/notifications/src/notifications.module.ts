import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@standpoint/identity';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';
import { OutboxTransports } from './outbox/outbox-transport';
import { OutboxService } from './outbox/outbox.service';

/**
 * The outbox every change writes its emails and webhooks to. The links an email carries (decision
 * and password links) are identity's: the outbox has them made with the email and minted on sending.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity]), IdentityModule],
  providers: [OutboxService, OutboxTransports],
  exports: [OutboxService, OutboxTransports],
})
export class NotificationsModule {}
