import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionRunner } from '@standpoint/database';
import { PasswordResetQueue } from '@standpoint/identity';
import { DataSource } from 'typeorm';
import { AccountEmails } from './account-emails';

/** Requests taken in one transaction, at most. */
const BATCH = 20;

/**
 * The worker's side of `requestPasswordReset`: takes the waiting requests and queues a reset email
 * for each address that is an active user's; the others are dropped without a trace.
 */
@Injectable()
export class PasswordResetJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly queue: PasswordResetQueue,
    private readonly emails: AccountEmails,
  ) {}

  async run(): Promise<number> {
    let handled = 0;
    for (;;) {
      const ctx = RequestContext.system(this.dataSource);
      const taken = await this.transactions.run(ctx, async () => {
        const requests = await this.queue.take(ctx, BATCH);
        for (const { user } of requests) if (user) await this.emails.reset(ctx, user);
        return requests.length;
      });
      handled += taken;
      if (taken < BATCH) return handled;
    }
  }
}
