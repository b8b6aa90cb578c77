import { Injectable } from '@nestjs/common';

/** Due work a feature hangs on the worker loop; answers how many items it handled. */
export interface WorkerJob {
  name: string;
  run(): Promise<number>;
}

/** The jobs of this process's worker loop, registered by the features' worker modules. */
@Injectable()
export class WorkerJobs {
  private readonly jobs: WorkerJob[] = [];

  register(job: WorkerJob): void {
    this.jobs.push(job);
  }

  all(): readonly WorkerJob[] {
    return this.jobs;
  }
}
