import { Module } from '@nestjs/common';
import { AccountEmailsModule } from '@standpoint/account-page';
import { ApprovalsModule } from '@standpoint/approvals';
import { AuditModule } from '@standpoint/audit';
import { ConfigModule } from '@standpoint/config';
import { DatabaseModule } from '@standpoint/database';
import { IdentityModule } from '@standpoint/identity';
import { WebhooksModule } from '@standpoint/notifications';
import { ProposalsModule } from '@standpoint/proposals';
import { SlackModule } from '@standpoint/slack';

/** What the operator's commands need: the migrated database and the feature services. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    AuditModule,
    IdentityModule,
    ProposalsModule,
    ApprovalsModule,
    WebhooksModule,
    SlackModule,
    AccountEmailsModule,
  ],
})
export class CliModule {}
