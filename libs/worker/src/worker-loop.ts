import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { DatabaseHealth } from '@standpoint/database';

/**
 * The worker's heartbeat: every WORKER_INTERVAL_MS it checks that the database answers and says so
 * in the log when that changes. Shutdown waits for the tick in progress. Later features hang their
 * due work (deadlines, the outbox) on this loop.
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
  }
}
