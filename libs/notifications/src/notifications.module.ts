import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@standpoint/identity';
import { DecisionLinkTokenEntity } from './decision-links/decision-link-token.entity';
import { DecisionLinkEntity } from './decision-links/decision-link.entity';
import { DecisionLinksService } from './decision-links/decision-links.service';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';
import { OutboxTransports } from './outbox/outbox-transport';
import { OutboxService } from './outbox/outbox.service';

/** The outbox every change writes its emails and webhooks to, and the links approval emails carry. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OutboxMessageEntity, DecisionLinkEntity, DecisionLinkTokenEntity]),
    IdentityModule,
  ],
  providers: [OutboxService, OutboxTransports, DecisionLinksService],
  exports: [OutboxService, OutboxTransports, DecisionLinksService],
})
export class NotificationsModule {}
