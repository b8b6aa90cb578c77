import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@standpoint/audit';
import { NodeRegistry } from '@standpoint/graphql';
import { IdentityModule } from '@standpoint/identity';
import { DevMailbox } from '../dev-mailbox/dev-mailbox';
import { DevMailboxController } from '../dev-mailbox/dev-mailbox.controller';
import { NotificationsModule } from '../notifications.module';
import { OutboxAdmin } from './outbox-admin.service';
import { OutboxResolver } from './outbox.resolver';

/** The outbox as the API serves it: brand admins' view and retry, and the development mailbox. */
@Module({
  imports: [NotificationsModule, AuditModule, IdentityModule],
  controllers: [DevMailboxController],
  providers: [OutboxAdmin, OutboxResolver, DevMailbox],
})
export class OutboxApiModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly outbox: OutboxAdmin,
  ) {}

  onModuleInit(): void {
    this.nodes.register('msg', (ctx, id) => this.outbox.get(ctx, id));
  }
}
