import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock } from '@standpoint/database';
import { WorkerJob } from '@standpoint/worker';
import { CheckpointsService } from './checkpoints.service';

/**
 * The worker's checkpoint round, every CHECKPOINT_INTERVAL_MS (the worker loop ticks more often).
 * Several workers may each run it: a head is stored once, whoever signs it first.
 */
@Injectable()
export class CheckpointJob implements WorkerJob {
  readonly name = 'audit checkpoints';
  private nextRoundAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly checkpoints: CheckpointsService,
  ) {}

  async run(): Promise<number> {
    const now = this.clock.now().getTime();
    if (now < this.nextRoundAt) return 0;
    this.nextRoundAt = now + this.config.checkpointIntervalMs;
    return this.checkpoints.signGrownHeads();
  }
}
