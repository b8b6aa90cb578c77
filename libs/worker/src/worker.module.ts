import { Module } from '@nestjs/common';
import { WorkerJobs } from './worker-jobs';
import { WorkerLoop } from './worker-loop';

@Module({ providers: [WorkerLoop, WorkerJobs], exports: [WorkerJobs] })
export class WorkerModule {}
