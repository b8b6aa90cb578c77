import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Pool } from 'pg';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { RateLimit, retryAfterSeconds, storedKey, tooManyRequests } from './rate-limit';

/** The table of the RateLimits migration, in rate-limiter-flexible's layout (key, points, expire). */
export const RATE_LIMIT_TABLE = 'rate_limit';

/**
 * Connections of the counters' own. Counters are also taken inside transactions (a comment's
 * mention budget): on the transactions' pool, ten transactions waiting for an eleventh connection
 * would wait for ever.
 */
const POOL_SIZE = 3;

/** Options of one counter, for `counter`. */
export type CounterOptions = Pick<RateLimit, 'name' | 'points' | 'durationSeconds'>;

/**
 * Counters that any feature can spend from, atomically: in the database on PostgreSQL, so that
 * every API instance shares them; in memory on SQLite, where one process serves everything.
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimits');
  private readonly pool: Pool | undefined;
  private readonly counters = new Map<string, RateLimiterAbstract>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.database.dialect === 'postgres') {
      this.pool = new Pool({ connectionString: config.database.url, max: POOL_SIZE });
      // An idle connection that breaks is replaced on the next use; without a listener it would
      // end the process.
      this.pool.on('error', (error) => this.logger.warn(`A connection broke: ${error.message}`));
    }
  }

  /**
   * rate-limiter-flexible's limiter named `options.name` on this process's store, made on first
   * use. Its keys must go through `storedKey`.
   */
  counter(options: CounterOptions): RateLimiterAbstract {
    let counter = this.counters.get(options.name);
    if (!counter) {
      const common = {
        keyPrefix: options.name,
        points: options.points,
        duration: options.durationSeconds,
      };
      counter = this.pool
        ? new RateLimiterPostgres({
            ...common,
            storeClient: this.pool,
            tableName: RATE_LIMIT_TABLE,
            // The migration made it; the application role may not create tables.
            tableCreated: true,
          })
        : new RateLimiterMemory(common);
      this.counters.set(options.name, counter);
    }
    return counter;
  }

  /**
   * Spends `points` of `key`'s budget, or answers how long to wait when that would overspend it.
   * A refused request spends nothing.
   */
  async take(
    limit: RateLimit,
    key: string,
    points = 1,
  ): Promise<{ retryAfterSeconds: number } | undefined> {
    const counter = this.counter(limit);
    const stored = storedKey(key);
    try {
      await counter.consume(stored, points);
      return undefined;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      await counter.reward(stored, points);
      return { retryAfterSeconds: retryAfterSeconds(refusal.msBeforeNext) };
    }
  }

  /** `take`, refusing with TOO_MANY_REQUESTS and `extensions.retryAfterSeconds`. */
  async consume(limit: RateLimit, key: string, points = 1): Promise<void> {
    const refused = await this.take(limit, key, points);
    if (refused) throw tooManyRequests(limit.refusal, refused.retryAfterSeconds);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end();
  }
}
