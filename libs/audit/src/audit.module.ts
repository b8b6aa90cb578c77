import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditAppendHooks } from './audit-append-hooks';
import { AuditEventBus } from './audit-event-bus';
import { AuditEventEntity } from './audit-event.entity';
import { AuditExportService } from './audit-export.service';
import { AuditService } from './audit.service';
import { InProcessAuditEventBus } from './in-process-audit-event-bus';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  providers: [
    AuditAppendHooks,
    AuditExportService,
    AuditService,
    { provide: AuditEventBus, useClass: InProcessAuditEventBus },
  ],
  exports: [AuditAppendHooks, AuditExportService, AuditService, AuditEventBus],
})
export class AuditModule {}
