import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { SignedCheckpoint } from './rules';

/** Told of a checkpoint inside the transaction that stores it: what it writes commits with it. */
export type CheckpointListener = (
  ctx: RequestContext,
  checkpoint: SignedCheckpoint,
) => Promise<void>;

/**
 * Who hears of each newly signed checkpoint (the webhooks that carry it to outside witnesses):
 * features listen; the checkpoints do not call them.
 */
@Injectable()
export class CheckpointListeners {
  private readonly listeners: CheckpointListener[] = [];

  listen(listener: CheckpointListener): void {
    this.listeners.push(listener);
  }

  async sealed(ctx: RequestContext, checkpoint: SignedCheckpoint): Promise<void> {
    for (const listener of this.listeners) await listener(ctx, checkpoint);
  }
}
