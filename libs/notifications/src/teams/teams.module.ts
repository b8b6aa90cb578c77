import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@standpoint/audit';
import { NotificationsModule } from '../notifications.module';
import { OutboxTransports } from '../outbox/outbox-transport';
import { TeamsCards } from './teams-cards.service';
import { TeamsConnectionEntity } from './teams-connection.entity';
import { TeamsConnectionsService } from './teams-connections.service';
import { TeamsTransport } from './teams.transport';

/**
 * Microsoft Teams: the brand's workflow, the cards the notices queue for it, and the transport of
 * the outbox's TEAMS channel. Import it in every process that changes anything or delivers the
 * outbox.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TeamsConnectionEntity]), AuditModule, NotificationsModule],
  providers: [TeamsConnectionsService, TeamsCards, TeamsTransport],
  exports: [TeamsConnectionsService, TeamsCards],
})
export class TeamsModule implements OnModuleInit {
  constructor(
    private readonly transports: OutboxTransports,
    private readonly transport: TeamsTransport,
  ) {}

  onModuleInit(): void {
    this.transports.register(this.transport);
  }
}
