import { Module, OnModuleInit } from '@nestjs/common';
import { WorkerJobs, WorkerModule } from '@standpoint/worker';
import { AuditModule } from './audit.module';
import { CheckpointJob } from './checkpoint-job';

/** The audit trail's due work on the worker loop: signed checkpoints of the chains that grew. */
@Module({ imports: [AuditModule, WorkerModule], providers: [CheckpointJob] })
export class AuditWorkerModule implements OnModuleInit {
  constructor(
    private readonly jobs: WorkerJobs,
    private readonly checkpoints: CheckpointJob,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this.checkpoints);
  }
}
