import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { DatabaseHealth } from '@standpoint/database';
import { WorkerJob, WorkerJobs } from './worker-jobs';
import { WorkerLane } from './worker-lane';

/**
 * The worker's heartbeat and due work. Every WORKER_INTERVAL_MS the heartbeat checks that the
 * database answers (and says so in the log when that changes); each of the features' jobs
 * (WorkerJobs) runs in a lane of its own, at that cadence, while the database answers. A job that
 * hangs holds back only itself: deadlines and checkpoints keep their cadence while a delivery
 * waits. Shutdown waits for every run in progress.
 */
@Injectable()
export class WorkerLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private lanes: WorkerLane[] = [];
  /** The latest health check, settled or under way. */
  private health: Promise<boolean> = Promise.resolve(false);
  private healthy: boolean | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseHealth,
    private readonly jobs: WorkerJobs,
  ) {}

  onApplicationBootstrap(): void {
    const intervalMs = this.config.workerIntervalMs;
    this.logger.log(`Worker started (every ${intervalMs} ms)`);
    this.health = this.checkHealth();
    const heartbeat = new WorkerLane(intervalMs, async () => {
      this.health = this.checkHealth();
      await this.health;
    });
    heartbeat.start(intervalMs);
    this.lanes = [heartbeat];
    for (const job of this.jobs.all()) {
      const lane = new WorkerLane(intervalMs, () => this.runJob(job));
      lane.start(0);
      this.lanes.push(lane);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.stop()));
    this.logger.log('Worker stopped');
  }

  private async checkHealth(): Promise<boolean> {
    const healthy = await this.database.isReady();
    if (healthy !== this.healthy) {
      this.healthy = healthy;
      if (healthy)
        this.logger.log({ health: 'ok' }, 'Worker healthy: the database answers and is migrated');
      else
        this.logger.error(
          { health: 'unavailable' },
          'Worker unhealthy: the database does not answer',
        );
    }
    return healthy;
  }

  private async runJob(job: WorkerJob): Promise<void> {
    if (!(await this.health)) return;
    try {
      const handled = await job.run();
      if (handled > 0)
        this.logger.log({ job: job.name, handled }, `Worker job ${job.name} handled ${handled}`);
    } catch (error) {
      // A failing job is tried again on its next run; the other jobs go on.
      this.logger.error({ job: job.name, err: error }, `Worker job ${job.name} failed`);
    }
  }
}
