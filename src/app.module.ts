import { Module } from '@nestjs/common';
import { AccountWorkerModule } from '@standpoint/account-page';
import { ApprovalsWorkerModule } from '@standpoint/approvals';
import { AuditWorkerModule } from '@standpoint/audit';
import { NotificationsWorkerModule } from '@standpoint/notifications';
import { WorkerModule } from '@standpoint/worker';
import { ApiModule } from '../apps/api/src/api.module';

/**
 * The all-in-one server: the API instance's modules and the worker loop (approval deadlines, audit
 * checkpoints, the outbox) in one process.
 */
@Module({
  imports: [
    ApiModule,
    WorkerModule,
    ApprovalsWorkerModule,
    AuditWorkerModule,
    NotificationsWorkerModule,
    AccountWorkerModule,
  ],
})
export class AppModule {}
