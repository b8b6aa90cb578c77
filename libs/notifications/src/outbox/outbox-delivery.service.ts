import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, RequestContext, TransactionRunner } from '@standpoint/database';
import { setTimeout as pause } from 'node:timers/promises';
import {
  DECISION_TOKEN_PLACEHOLDER,
  DecisionLinksService,
  PASSWORD_TOKEN_PLACEHOLDER,
  PasswordLinksService,
} from '@standpoint/identity';
import { DataSource, UpdateResult } from 'typeorm';
import { AuditService } from '@standpoint/audit';
import { OutboxChannel, OutboxMessageEntity } from './outbox-message.entity';
import { OutboxTransports, PermanentDeliveryError } from './outbox-transport';
import { afterFailure } from '../rules/retry-delay';

/**
 * Deliveries in flight at once, per channel. A slow receiver or server holds one slot of its own
 * channel until its deadline; the other slots, and the other channel, go on.
 */
export const OUTBOX_CONCURRENCY = 5;

const CHANNELS: readonly OutboxChannel[] = ['EMAIL', 'WEBHOOK', 'TEAMS', 'SLACK'];

/** Due now: waiting for its time, or held by a worker whose lease ran out (it crashed). */
const DUE =
  "((m.status = 'PENDING' AND m.availableAt <= :now) OR (m.status = 'SENDING' AND m.claimedUntil < :now))";

/** What a failed attempt keeps of its error, at most. */
const MAX_ERROR_LENGTH = 2000;

/**
 * The worker's sender. Each channel (emails, webhooks, Slack) has its own OUTBOX_CONCURRENCY slots; a row
 * is claimed only for a free slot (several workers never claim the same row), the claim is
 * committed, and only then does it talk to the network, within the transport's deadline; each
 * outcome is written in a transaction of its own. A worker that dies mid-send leaves its rows
 * SENDING until the lease ends; another worker then sends them again with the same Message-ID. On
 * shutdown it claims nothing more and finishes the rows in flight.
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
    private readonly passwordLinks: PasswordLinksService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleDestroy(): void {
    this.stopping = true;
  }

  /**
   * Delivers what is due, until nothing more is and every delivery it started has ended; answers
   * how many messages it attempted. It keeps each channel's slots busy: whenever a delivery ends,
   * and every WORKER_INTERVAL_MS while some are in flight, it claims due rows for the free slots,
   * so that a delivery held up to its deadline holds back no other message.
   */
  async runDue(): Promise<number> {
    const slots = new Map(CHANNELS.map((channel) => [channel, new Set<Promise<void>>()]));
    const inFlight = () => [...slots.values()].flatMap((deliveries) => [...deliveries]);
    let attempted = 0;
    try {
      while (!this.stopping) {
        // A channel that filled every free slot (or had none free) may have more due than it took.
        let moreMayBeDue = false;
        for (const [channel, deliveries] of slots) {
          const free = OUTBOX_CONCURRENCY - deliveries.size;
          const claimed = free > 0 ? await this.claim(channel, free) : [];
          if (claimed.length === free) moreMayBeDue = true;
          for (const row of claimed) {
            const delivery: Promise<void> = this.deliver(row)
              // The row stays SENDING; once its lease ends it is attempted again.
              .catch((error) =>
                this.logger.error({ outboxMessageId: row.id, err: error }, 'Outcome not written'),
              )
              .finally(() => deliveries.delete(delivery));
            deliveries.add(delivery);
          }
          attempted += claimed.length;
        }
        const running = inFlight();
        // Every delivery may have ended while the other channels were claiming: the run ends only
        // once a round found less due than it had room for, not with rows due left for the next.
        if (running.length === 0) {
          if (moreMayBeDue) continue;
          break;
        }
        await oneEndsOrPause(running, this.config.workerIntervalMs);
      }
    } finally {
      // Even when a claim fails, what is in flight ends before the run does (shutdown waits for it).
      await Promise.all(inFlight());
    }
    return attempted;
  }

  /**
   * Marks up to `count` due rows of the channel SENDING under a lease, and commits. On PostgreSQL
   * the rows are locked and other workers skip them; on SQLite transactions take turns and the
   * conditional UPDATE decides (TypeORM refuses pessimistic locks there).
   */
  private claim(channel: OutboxChannel, count: number): Promise<OutboxMessageEntity[]> {
    const ctx = RequestContext.system(this.dataSource);
    return this.transactions.run(ctx, async () => {
      const dueAt = this.clock.now();
      const query = ctx.em
        .createQueryBuilder(OutboxMessageEntity, 'm')
        .where(DUE, { now: dueAt })
        .andWhere('m.channel = :channel', { channel })
        .orderBy('m.availableAt', 'ASC')
        .addOrderBy('m.id', 'ASC')
        .limit(count);
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

  private async deliver(row: OutboxMessageEntity): Promise<void> {
    try {
      await this.transports.of(row.channel).deliver(await this.withLinkTokens(row));
    } catch (error) {
      return this.recordFailure(row, error);
    }
    await this.write(row, { status: 'SENT', sentAt: this.clock.now() });
  }

  /**
   * An email that carries a link (an approval email's decision link, a welcome or reset email's
   * password link) gets a fresh token for it, committed before the email leaves, so a link in a
   * delivered email always opens. The stored row keeps the placeholder.
   */
  private async withLinkTokens(row: OutboxMessageEntity): Promise<OutboxMessageEntity> {
    const { decisionLinkId, passwordLinkId } = row;
    if (!decisionLinkId && !passwordLinkId) return row;
    const ctx = RequestContext.system(this.dataSource);
    const tokens = await this.transactions.run(ctx, async () => ({
      decision: decisionLinkId ? await this.links.mintToken(ctx.em, decisionLinkId) : null,
      password: passwordLinkId ? await this.passwordLinks.mintToken(ctx.em, passwordLinkId) : null,
    }));
    // base64url: nothing in a token needs escaping in HTML or text.
    const withTokens = (body: string) =>
      body
        .replaceAll(DECISION_TOKEN_PLACEHOLDER, tokens.decision ?? DECISION_TOKEN_PLACEHOLDER)
        .replaceAll(PASSWORD_TOKEN_PLACEHOLDER, tokens.password ?? PASSWORD_TOKEN_PLACEHOLDER);
    return {
      ...row,
      htmlBody: row.htmlBody === null ? null : withTokens(row.htmlBody),
      body: withTokens(row.body),
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
      await this.giveUp(row, attempts, lastError);
      this.logger.warn(
        { outboxMessageId: row.id, brandId: row.brandId, topic: row.topic, attempts, lastError },
        `Outbox message ${row.id} (${row.topic}) is dead after ${attempts} attempt(s): ${lastError}`,
      );
      return;
    }
    const availableAt = new Date(this.clock.now().getTime() + next.retryInMs);
    await this.write(row, { status: 'PENDING', lastError, availableAt });
  }

  /**
   * Marks the row DEAD and, for a brand's message, records `outbox.gave_up` in the same
   * transaction: the brand's admins are alerted by the notices that listen to it.
   */
  private giveUp(row: OutboxMessageEntity, attempts: number, lastError: string): Promise<void> {
    const ctx = RequestContext.system(this.dataSource);
    return this.transactions.run(ctx, async () => {
      const dead = await this.update(ctx, row, { status: 'DEAD', lastError });
      if (dead.affected !== 1 || !row.brandId) return;
      await this.audit.append(ctx, {
        brandId: row.brandId,
        action: 'outbox.gave_up',
        entityType: 'OutboxMessage',
        entityId: row.id,
        data: {
          topic: row.topic,
          channel: row.channel,
          recipient: row.recipient,
          attempts,
          lastError: errorSummaryOf(lastError),
        },
      });
    });
  }

  /** Writes the outcome of this worker's attempt, which counts as one attempt whatever it was. */
  private write(
    row: OutboxMessageEntity,
    outcome: Partial<Pick<OutboxMessageEntity, 'status' | 'sentAt' | 'lastError' | 'availableAt'>>,
  ): Promise<unknown> {
    const ctx = RequestContext.system(this.dataSource);
    return this.transactions.run(ctx, () => this.update(ctx, row, outcome));
  }

  private update(
    ctx: RequestContext,
    row: OutboxMessageEntity,
    outcome: Partial<Pick<OutboxMessageEntity, 'status' | 'sentAt' | 'lastError' | 'availableAt'>>,
  ): Promise<UpdateResult> {
    return ctx.em.update(
      OutboxMessageEntity,
      { id: row.id, status: 'SENDING' },
      { ...outcome, attempts: row.attempts + 1, claimedUntil: null },
    );
  }
}

/** What the audit trail keeps of a delivery's last error: its first line, shortened. */
const ERROR_SUMMARY_LENGTH = 200;

function errorSummaryOf(lastError: string): string {
  return lastError.split('\n', 1)[0].slice(0, ERROR_SUMMARY_LENGTH);
}

/** Waits until one of the deliveries ends, or `ms` has passed. */
async function oneEndsOrPause(deliveries: Promise<void>[], ms: number): Promise<void> {
  const timer = new AbortController();
  try {
    await Promise.race([...deliveries, pause(ms, undefined, { signal: timer.signal })]);
  } finally {
    timer.abort();
  }
}
