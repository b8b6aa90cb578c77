import { Injectable } from '@nestjs/common';
import { Clock, RequestContext, TransactionRunner } from '@standpoint/database';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { ClaimOutcome, claimOutcome, idempotencyCutoff } from './idempotency';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export interface IdempotencyClaim {
  scope: string;
  key: string;
  claimId: string;
}

/**
 * The stored Idempotency-Keys. Each step is a short transaction of its own through the
 * TransactionRunner (on SQLite it must take its turn like every other transaction).
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Claims the caller's key for a request with `fingerprint`, or says what became of the request
   * that claimed it first. Two requests racing for one key: the unique (scope, key) lets one insert
   * and the other find the winner's row.
   */
  async claim(
    scope: string,
    key: string,
    fingerprint: string,
  ): Promise<{ outcome: ClaimOutcome; claim: IdempotencyClaim }> {
    const claimId = randomUUID();
    const ctx = RequestContext.system(this.dataSource);
    const outcome = await this.transactions.run(ctx, async () => {
      const keys = ctx.em.getRepository(IdempotencyKeyEntity);
      const now = this.clock.now();
      // Expired keys are ignored: they go here (by the index on createdAt), so this key starts over.
      await keys.delete({ createdAt: LessThan(idempotencyCutoff(now)) });
      await keys
        .createQueryBuilder()
        .insert()
        .values({
          scope,
          idempotencyKey: key,
          fingerprint,
          claimId,
          createdAt: now,
          completedAt: null,
          status: null,
          body: null,
        })
        .orIgnore()
        .execute();
      return claimOutcome(
        await keys.findOneByOrFail({ scope, idempotencyKey: key }),
        claimId,
        fingerprint,
      );
    });
    return { outcome, claim: { scope, key, claimId } };
  }

  /** Records the answer of the request that holds the claim. */
  async complete(claim: IdempotencyClaim, status: number, body: string): Promise<void> {
    const ctx = RequestContext.system(this.dataSource);
    await this.transactions.run(ctx, () =>
      ctx.em.update(
        IdempotencyKeyEntity,
        { scope: claim.scope, idempotencyKey: claim.key, claimId: claim.claimId },
        { status, body, completedAt: this.clock.now() },
      ),
    );
  }

  /** Gives the key up (an answer that cannot be replayed): a retry performs the request again. */
  async release(claim: IdempotencyClaim): Promise<void> {
    const ctx = RequestContext.system(this.dataSource);
    await this.transactions.run(ctx, () =>
      ctx.em.delete(IdempotencyKeyEntity, {
        scope: claim.scope,
        idempotencyKey: claim.key,
        claimId: claim.claimId,
      }),
    );
  }
}
