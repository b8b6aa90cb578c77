import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxService } from './outbox.service';

/** The outbox every change writes its emails and webhooks to. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity])],
  providers: [OutboxService],
  exports: [OutboxService],
})
export class NotificationsModule {}
