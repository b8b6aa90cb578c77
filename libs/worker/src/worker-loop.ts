import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { DatabaseHealth } from '@standpoint/database';
import { WorkerJobs } from './worker-jobs';

/**
 * The worker's heartbeat: every WORKER_INTERVAL_MS it checks that the database answers and says so
 * in the log when that changes, then runs the features' due work (WorkerJobs). Shutdown waits for
 * the tick in progress.
 */
@Injectable()
export class WorkerLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> = Promise.resolve();
  private healthy: boolean | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly health: DatabaseHealth,
    private readonly jobs: WorkerJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.logger.log(`Worker started (every ${this.config.workerIntervalMs} ms)`);
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.tick;
    this.logger.log('Worker stopped');
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.tick = this.runOnce().finally(() => {
        if (this.timer) this.schedule(this.config.workerIntervalMs);
      });
    }, delayMs);
  }

  private async runOnce(): Promise<void> {
    const healthy = await this.health.isReady();
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
    if (!healthy) return;
    for (const job of this.jobs.all()) {
      try {
        const handled = await job.run();
        if (handled > 0)
          this.logger.log({ job: job.name, handled }, `Worker job ${job.name} handled ${handled}`);
      } catch (error) {
        // One failing job must not stop the others; it is tried again on the next tick.
        this.logger.error({ job: job.name, err: error }, `Worker job ${job.name} failed`);
      }
    }
  }
}
