import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditAppendHooks } from './audit-append-hooks';
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
    AuditAppendHooks,
    AuditExportService,
    AuditService,
    CheckpointsService,
    { provide: AuditEventBus, useClass: InProcessAuditEventBus },
  ],
  exports: [AuditAppendHooks, AuditExportService, AuditService, AuditEventBus, CheckpointsService],
})
export class AuditModule {}
