import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DecisionLinkTokenEntity } from './decision-link-token.entity';
import { DecisionLinkEntity } from './decision-link.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxTransports } from './outbox-transport';
import { OutboxService } from './outbox.service';

/** The outbox every change writes its emails and webhooks to, and the links approval emails carry. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OutboxMessageEntity, DecisionLinkEntity, DecisionLinkTokenEntity]),
  ],
  providers: [OutboxService, OutboxTransports],
  exports: [OutboxService, OutboxTransports],
})
export class NotificationsModule {}
