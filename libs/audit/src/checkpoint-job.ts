import { Injectable } from '@nestjs/common';
import { WorkerJob } from '@standpoint/worker';
import { CheckpointsService } from './checkpoints.service';

/**
 * The worker's checkpoint round, on every tick of its loop: each brand's chain is sealed once its
 * unsealed tail is CHECKPOINT_EVERY_EVENTS long or CHECKPOINT_INTERVAL_MS old. Several workers may
 * each run it: a head is stored once, whoever signs it first.
 */
@Injectable()
export class CheckpointJob implements WorkerJob {
  readonly name = 'audit checkpoints';

  constructor(private readonly checkpoints: CheckpointsService) {}

  run(): Promise<number> {
    return this.checkpoints.sealDueChains();
  }
}
