import { Logger, OnModuleDestroy } from '@nestjs/common';
import { Client, Notification } from 'pg';
import { DataSource, MoreThan } from 'typeorm';
import {
  AuditEventBus,
  AuditEventListener,
  CommittedAuditEvent,
  committedEvent,
} from './audit-event-bus';
import { AuditEventEntity } from './audit-event.entity';
import { chainHeadSeq } from './chain-events';

/**
 * The NOTIFY channel of committed audit events; a payload is `<brandId>:<seq>:<id>`. The trigger
 * of migration AuditEventNotify names it too.
 */
export const AUDIT_CHANNEL = 'standpoint_audit';

/** The LISTEN connection's application_name, to find it in pg_stat_activity. */
export const LISTENER_NAME = 'standpoint audit listener';

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;

/** The listeners of one brand and the last seq they were given. */
interface BrandListeners {
  readonly listeners: Set<AuditEventListener>;
  /** Known once the brand's head was read; until then the listeners are not counted. */
  lastSeq: number | undefined;
  /** Deliveries of the brand, one after another, so events go out in seq order. */
  queue: Promise<void>;
  drainScheduled: boolean;
}

/**
 * The audit event bus of every process on one PostgreSQL database. The NOTIFY is sent in the
 * change's transaction by a trigger on the inserted event, so PostgreSQL delivers it if and only if
 * the change commits (even if this process dies right after). A process that has listeners holds one LISTEN connection, opened on
 * the first subscription (the worker and the CLI never open one); a notification is only a poke:
 * the process reads the brand's events after the last seq it delivered, one query for however many
 * arrived together, and hands them to its listeners in seq order. The process that made the change
 * hears of it the same way, so nobody hears of it twice. After the LISTEN connection dropped, it
 * reconnects with back-off and reads every brand's missed events the same way.
 */
export class PostgresAuditEventBus extends AuditEventBus implements OnModuleDestroy {
  private readonly brands = new Map<string, BrandListeners>();
  private readonly logger = new Logger('AuditEventBus');
  private connection: Promise<Client> | undefined;
  /** The client of `connection`, so a late event of an old client is told from the current one. */
  private client: Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  /**
   * The database announces it: the trigger `audit_event_notify` (migration AuditEventNotify)
   * NOTIFYs AUDIT_CHANNEL for every inserted event, in the inserting transaction, at no statement
   * of the change's.
   */
  async announce(): Promise<void> {}

  subscribe(brandId: string, listener: AuditEventListener): () => void {
    const brand = this.brands.get(brandId) ?? this.startBrand(brandId);
    // Each subscription is its own entry, even for a listener function given twice.
    const entry: AuditEventListener = (event) => listener(event);
    brand.listeners.add(entry);
    return () => {
      brand.listeners.delete(entry);
      if (brand.listeners.size === 0 && this.brands.get(brandId) === brand) {
        this.brands.delete(brandId);
      }
    };
  }

  /**
   * Once the brand's head is read (its start is the first thing on its queue): every event after it
   * is delivered. A start that failed with the connection leaves no such point, so it refuses.
   */
  async ready(brandId: string): Promise<void> {
    const brand = this.brands.get(brandId);
    await brand?.queue;
    if (brand?.lastSeq === undefined)
      throw new Error(`the audit event bus does not listen for brand ${brandId}`);
  }

  listenerCount(brandId: string): number {
    const brand = this.brands.get(brandId);
    return brand?.lastSeq === undefined ? 0 : brand.listeners.size;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.brands.clear();
    await this.client?.end().catch(() => undefined);
  }

  /**
   * A brand's first listener: once this process LISTENs, the brand's head is read, and every event
   * after it is delivered; so an event committed after the subscription is counted is never missed.
   */
  private startBrand(brandId: string): BrandListeners {
    const brand: BrandListeners = {
      listeners: new Set(),
      lastSeq: undefined,
      queue: Promise.resolve(),
      drainScheduled: false,
    };
    this.brands.set(brandId, brand);
    brand.queue = this.listening()
      .then(() => this.headSeq(brandId))
      .then((seq) => {
        brand.lastSeq = seq;
      })
      .catch((error: unknown) => this.logFailure(`starting brand ${brandId}`, error));
    return brand;
  }

  private headSeq(brandId: string): Promise<number> {
    return chainHeadSeq(this.dataSource.manager, brandId);
  }

  /** The LISTEN connection, opened on first use and after it dropped. */
  private listening(): Promise<Client> {
    this.connection ??= this.connect();
    return this.connection;
  }

  private async connect(): Promise<Client> {
    // Keep-alive, so that a connection lost without a word (a network partition) ends in an error.
    const client = new Client({
      connectionString: this.url,
      application_name: LISTENER_NAME,
      keepAlive: true,
    });
    this.client = client;
    client.on('notification', (message) => this.notified(message));
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client, new Error('the connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${AUDIT_CHANNEL}`);
    } catch (error) {
      this.dropped(client, error);
      throw error;
    }
    this.retryMs = FIRST_RETRY_MS;
    return client;
  }

  /** Forgets a dropped connection and, while anyone listens, opens another and catches up. */
  private dropped(client: Client, error: unknown): void {
    if (this.closed || client !== this.client) return;
    this.client = undefined;
    this.connection = undefined;
    client.end().catch(() => undefined);
    this.logger.warn(
      `The LISTEN connection dropped (${error instanceof Error ? error.message : String(error)}); reconnecting in ${this.retryMs} ms`,
    );
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.reconnect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }

  private reconnect(): void {
    if (this.closed || this.connection || this.brands.size === 0) return;
    this.listening().then(
      () => {
        for (const [brandId, brand] of this.brands) this.drainSoon(brandId, brand);
      },
      (error: unknown) => this.logFailure('reconnecting', error),
    );
  }

  private notified(message: Notification): void {
    const [brandId, seq] = (message.payload ?? '').split(':');
    const brand = this.brands.get(brandId);
    // Only a brand whose listeners have not had that event yet needs a read.
    if (brand && !(brand.lastSeq !== undefined && Number(seq) <= brand.lastSeq)) {
      this.drainSoon(brandId, brand);
    }
  }

  /** Queues one read of the brand's new events, unless one is already waiting its turn. */
  private drainSoon(brandId: string, brand: BrandListeners): void {
    if (brand.drainScheduled) return;
    brand.drainScheduled = true;
    brand.queue = brand.queue.then(async () => {
      brand.drainScheduled = false;
      try {
        await this.drain(brandId, brand);
      } catch (error) {
        this.logFailure(`reading the events of brand ${brandId}`, error);
      }
    });
  }

  private async drain(brandId: string, brand: BrandListeners): Promise<void> {
    if (this.brands.get(brandId) !== brand) return;
    if (brand.lastSeq === undefined) {
      // The brand's start failed with the connection: its listeners hear from now on.
      brand.lastSeq = await this.headSeq(brandId);
      return;
    }
    const rows = await this.dataSource.getRepository(AuditEventEntity).find({
      where: { brandId, seq: MoreThan(brand.lastSeq) },
      order: { seq: 'ASC' },
    });
    for (const row of rows) {
      brand.lastSeq = row.seq;
      this.deliver(brand, committedEvent(row));
    }
  }

  private deliver(brand: BrandListeners, event: CommittedAuditEvent): void {
    for (const listener of [...brand.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken listener must not keep the event from the others.
        this.logFailure(`a listener on ${event.action} ${event.entityId}`, error);
      }
    }
  }

  private logFailure(what: string, error: unknown): void {
    if (this.closed) return;
    this.logger.error(
      `Failed ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
