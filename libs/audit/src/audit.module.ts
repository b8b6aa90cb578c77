import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { DataSource } from 'typeorm';
import { AuditDispatcher } from './audit-dispatcher';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditEventBus } from './audit-event-bus';
import { AuditEventEntity } from './audit-event.entity';
import { AuditTreeNodeEntity } from './audit-tree-node.entity';
import { AuditExportService } from './audit-export.service';
import { AuditProofsService } from './audit-proofs.service';
import { AuditService } from './audit.service';
import { CheckpointListeners } from './checkpoint-listeners';
import { CheckpointsService } from './checkpoints.service';
import { InProcessAuditEventBus } from './in-process-audit-event-bus';
import { PostgresAuditEventBus } from './postgres-audit-event-bus';

@Module({
  imports: [
    TypeOrmModule.forFeature([AuditEventEntity, AuditCheckpointEntity, AuditTreeNodeEntity]),
  ],
  providers: [
    AuditDispatcher,
    AuditExportService,
    AuditProofsService,
    AuditService,
    CheckpointListeners,
    CheckpointsService,
    {
      // On PostgreSQL every process on the database hears of every change; SQLite has one process
      // that serves subscriptions, so it fans out in process.
      provide: AuditEventBus,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource): AuditEventBus =>
        config.database.dialect === 'postgres'
          ? new PostgresAuditEventBus(config.database.url, dataSource)
          : new InProcessAuditEventBus(),
    },
  ],
  exports: [
    AuditDispatcher,
    AuditExportService,
    AuditProofsService,
    AuditService,
    AuditEventBus,
    CheckpointListeners,
    CheckpointsService,
  ],
})
export class AuditModule {}
