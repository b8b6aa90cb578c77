import { Module, OnModuleInit } from '@nestjs/common';
import { WorkerJobs, WorkerModule } from '@standpoint/worker';
import { ApprovalsModule } from './approvals.module';
import { DeadlinesService } from './deadlines.service';

/** The approval workflow's due work on the worker loop: reminders, escalation, expiry, freeze ends. */
@Module({ imports: [ApprovalsModule, WorkerModule] })
export class ApprovalsWorkerModule implements OnModuleInit {
  constructor(
    private readonly jobs: WorkerJobs,
    private readonly deadlines: DeadlinesService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'approval deadlines', run: () => this.deadlines.runDue() });
  }
}
