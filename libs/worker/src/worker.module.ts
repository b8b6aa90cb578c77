import { Module } from '@nestjs/common';
import { WorkerLoop } from './worker-loop';

@Module({ providers: [WorkerLoop] })
export class WorkerModule {}
