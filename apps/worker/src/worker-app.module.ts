import { Module } from '@nestjs/common';
import { AccountWorkerModule } from '@standpoint/account-page';
import { ApprovalsWorkerModule } from '@standpoint/approvals';
import { AuditWorkerModule } from '@standpoint/audit';
import { ConfigModule } from '@standpoint/config';
import { DatabaseModule } from '@standpoint/database';
import { LoggingModule } from '@standpoint/logging';
import { WebhooksModule } from '@standpoint/notifications';
import { NotificationsWorkerModule } from '@standpoint/notifications';
import { SlackModule } from '@standpoint/slack';
import { WorkerModule } from '@standpoint/worker';

/** A worker process for production: the worker loop on the shared database, no HTTP. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    WorkerModule,
    ApprovalsWorkerModule,
    AuditWorkerModule,
    WebhooksModule,
    SlackModule,
    NotificationsWorkerModule,
    AccountWorkerModule,
  ],
})
export class WorkerAppModule {}
