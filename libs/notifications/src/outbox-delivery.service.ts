import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, RequestContext, TransactionRunner } from '@standpoint/database';
import { DataSource } from 'typeorm';
import { DECISION_TOKEN_PLACEHOLDER, DecisionLinksService } from './decision-links.service';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxTransports, PermanentDeliveryError } from './outbox-transport';
import { afterFailure } from './rules/retry-delay';

/** Rows claimed at once, and how many of them are in flight together. */
export const OUTBOX_BATCH = { size: 20, concurrency: 5 };

/** Due now: waiting for its time, or held by a worker whose lease ran out (it crashed). */
const DUE =
  "((m.status = 'PENDING' AND m.availableAt <= :now) OR (m.status = 'SENDING' AND m.claimedUntil < :now))";

/** What a failed attempt keeps of its error, at most. */
const MAX_ERROR_LENGTH = 2000;

/**
 * The worker's sender. It claims due messages in small batches (several workers never claim the
 * same row), commits the claim, and only then talks to the network; each outcome is written in a
 * transaction of its own. A worker that dies mid-send leaves its rows SENDING until the lease ends;
 * another worker then sends them again with the same Message-ID. On shutdown it claims nothing
 * more, finishes the rows in flight and hands the rest back.
 */
@Injectable()
export class OutboxDelivery implements OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly transports: OutboxTransports,
    private readonly links: DecisionLinksService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleDestroy(): void {
    this.stopping = true;
  }

  /** Delivers what is due now; answers how many messages it attempted. */
  async runDue(): Promise<number> {
    // What fails in this run comes due again later, not in the same run.
    const dueAt = this.clock.now();
    let attempted = 0;
    while (!this.stopping) {
      const batch = await this.claim(dueAt);
      if (batch.length === 0) break;
      attempted += await this.deliverBatch(batch);
    }
    return attempted;
  }

  /**
   * Marks a batch of due rows SENDING under a lease, and commits. On PostgreSQL the rows are locked
   * and other workers skip them; on SQLite transactions take turns and the conditional UPDATE
   * decides (TypeORM refuses pessimistic locks there).
   */
  private claim(dueAt: Date): Promise<OutboxMessageEntity[]> {
    const ctx = RequestContext.system(this.dataSource);
    return this.transactions.run(ctx, async () => {
      const query = ctx.em
        .createQueryBuilder(OutboxMessageEntity, 'm')
        .where(DUE, { now: dueAt })
        .orderBy('m.availableAt', 'ASC')
        .addOrderBy('m.id', 'ASC')
        .limit(OUTBOX_BATCH.size);
      if (ctx.dialect === 'postgres') query.setLock('pessimistic_write').setOnLocked('skip_locked');
      const candidates = await query.getMany();
      const claimedUntil = new Date(this.clock.now().getTime() + this.config.outbox.leaseMs);
      const claimed: OutboxMessageEntity[] = [];
      for (const row of candidates) {
        const result = await ctx.em
          .createQueryBuilder()
          .update(OutboxMessageEntity)
          .set({ status: 'SENDING', claimedUntil })
          .where(`id = :id AND ${DUE.replace(/m\./g, '')}`, { id: row.id, now: dueAt })
          .execute();
        if (result.affected === 1) claimed.push({ ...row, status: 'SENDING', claimedUntil });
      }
      return claimed;
    });
  }

  /** Sends a batch with bounded concurrency; on shutdown, hands back what has not started. */
  private async deliverBatch(batch: OutboxMessageEntity[]): Promise<number> {
    const queue = [...batch];
    let attempted = 0;
    const sender = async () => {
      // Stopping is checked before a row is taken, so an untaken row stays in the queue to hand back.
      while (!this.stopping && queue.length > 0) {
        await this.deliver(queue.shift()!);
        attempted++;
      }
    };
    await Promise.all(Array.from({ length: OUTBOX_BATCH.concurrency }, sender));
    if (queue.length > 0) await this.release(queue);
    return attempted;
  }

  private async deliver(row: OutboxMessageEntity): Promise<void> {
    try {
      await this.transports.of(row.channel).deliver(await this.withDecisionToken(row));
    } catch (error) {
      return this.recordFailure(row, error);
    }
    await this.write(row, { status: 'SENT', sentAt: this.clock.now() });
  }

  /**
   * An approval email gets a fresh token for its decision link, committed before the email leaves,
   * so a link in a delivered email always opens. The stored row keeps the placeholder.
   */
  private async withDecisionToken(row: OutboxMessageEntity): Promise<OutboxMessageEntity> {
    if (!row.decisionLinkId) return row;
    const linkId = row.decisionLinkId;
    const ctx = RequestContext.system(this.dataSource);
    const token = await this.transactions.run(ctx, () => this.links.mintToken(ctx.em, linkId));
    // base64url: nothing in the token needs escaping in HTML or text.
    return {
      ...row,
      htmlBody: row.htmlBody?.replaceAll(DECISION_TOKEN_PLACEHOLDER, token) ?? null,
      body: row.body.replaceAll(DECISION_TOKEN_PLACEHOLDER, token),
    };
  }

  private async recordFailure(row: OutboxMessageEntity, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const lastError = (error instanceof Error ? error.message : String(error)).slice(
      0,
      MAX_ERROR_LENGTH,
    );
    const next = afterFailure(
      attempts,
      this.config.outbox,
      error instanceof PermanentDeliveryError,
      Math.random(),
    );
    if (next.dead) {
      await this.write(row, { status: 'DEAD', lastError });
      this.logger.warn(
        { outboxMessageId: row.id, brandId: row.brandId, topic: row.topic, attempts, lastError },
        `Outbox message ${row.id} (${row.topic}) is dead after ${attempts} attempt(s): ${lastError}`,
      );
      return;
    }
    const availableAt = new Date(this.clock.now().getTime() + next.retryInMs);
    await this.write(row, { status: 'PENDING', lastError, availableAt });
  }

  /** Writes the outcome of this worker's attempt, which counts as one attempt whatever it was. */
  private write(
    row: OutboxMessageEntity,
    outcome: Partial<Pick<OutboxMessageEntity, 'status' | 'sentAt' | 'lastError' | 'availableAt'>>,
  ): Promise<unknown> {
    const ctx = RequestContext.system(this.dataSource);
    return this.transactions.run(ctx, () =>
      ctx.em.update(
        OutboxMessageEntity,
        { id: row.id, status: 'SENDING' },
        { ...outcome, attempts: row.attempts + 1, claimedUntil: null },
      ),
    );
  }

  /** Hands claimed rows that were not attempted back to whichever worker runs next. */
  private release(rows: OutboxMessageEntity[]): Promise<unknown> {
    const ctx = RequestContext.system(this.dataSource);
    return this.transactions.run(ctx, async () => {
      for (const row of rows) {
        await ctx.em.update(
          OutboxMessageEntity,
          { id: row.id, status: 'SENDING' },
          { status: 'PENDING', claimedUntil: null },
        );
      }
    });
  }
}
