import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditDispatcher } from './audit-dispatcher';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditEventBus } from './audit-event-bus';
import { AuditEventEntity } from './audit-event.entity';
import { AuditExportService } from './audit-export.service';
import { AuditService } from './audit.service';
import { CheckpointsService } from './checkpoints.service';
import { InProcessAuditEventBus } from './in-process-audit-event-bus';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity, AuditCheckpointEntity])],
  providers: [
    AuditDispatcher,
    AuditExportService,
    AuditService,
    CheckpointsService,
    { provide: AuditEventBus, useClass: InProcessAuditEventBus },
  ],
  exports: [AuditDispatcher, AuditExportService, AuditService, AuditEventBus, CheckpointsService],
})
export class AuditModule {}
