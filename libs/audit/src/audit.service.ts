import { Injectable } from '@nestjs/common';
import { actorLabel, actorUserId, Clock, newId, RequestContext } from '@standpoint/database';
import { AuditAction, AuditEventInput, AuditFacts } from '@standpoint/events';
import { AuditEventContent, GENESIS_HASH, sealEvent } from './rules';
import { AuditDispatcher } from './audit-dispatcher';
import { AuditEventBus, committedEvent } from './audit-event-bus';
import { AuditEventEntity } from './audit-event.entity';

// The first key of PostgreSQL's two-key advisory locks, reserved for audit appends.
const AUDIT_LOCK_CLASS = 727_310_002;

@Injectable()
export class AuditService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: AuditEventBus,
    private readonly dispatcher: AuditDispatcher,
  ) {}

  /**
   * Appends one event to the brand's chain inside the caller's transaction, so the event exists if
   * and only if the change does. On PostgreSQL a per-brand advisory lock, held until commit, makes
   * concurrent appends take turns; on SQLite transactions already do. UNIQUE(brand, seq) is the
   * last line of defence against a fork. The dispatcher's subscribers of the action run around the
   * insert, in the same transaction: their contributions join the data (dates become ISO text,
   * undefined members vanish, as in JSON.stringify). The event is announced on the audit event bus
   * in the transaction, for the live updates: listeners hear of it once (and only if) it commits.
   */
  append<A extends Exclude<AuditAction, keyof AuditFacts>>(
    ctx: RequestContext,
    event: AuditEventInput<A>,
  ): Promise<AuditEventEntity>;
  /** An event whose subscribers get the facts the emitting service holds (see AuditFacts). */
  append<A extends keyof AuditFacts>(
    ctx: RequestContext,
    event: AuditEventInput<A>,
    facts: AuditFacts[A],
  ): Promise<AuditEventEntity>;
  async append(
    ctx: RequestContext,
    event: AuditEventInput,
    facts?: unknown,
  ): Promise<AuditEventEntity> {
    if (!ctx.inTransaction)
      throw new Error("audit.append must run inside the change's transaction");
    if (ctx.actor.kind === 'anonymous')
      throw new Error('an anonymous actor cannot change anything');
    const { data, facts: handed } = await this.dispatcher.contributions(ctx, event, facts);
    const events = ctx.em.getRepository(AuditEventEntity);
    if (ctx.dialect === 'postgres') {
      await ctx.em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        AUDIT_LOCK_CLASS,
        event.brandId,
      ]);
    }
    const head = await events.findOne({
      where: { brandId: event.brandId },
      order: { seq: 'DESC' },
    });
    const at = this.clock.now();
    const content: AuditEventContent = {
      brandId: event.brandId,
      seq: (head?.seq ?? 0) + 1,
      at: at.toISOString(),
      actorId: actorUserId(ctx.actor),
      actorLabel: actorLabel(ctx.actor),
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      data: JSON.parse(JSON.stringify(data)) as AuditEventContent['data'],
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const row: AuditEventEntity = { id: newId('aud'), ...content, at, ...sealEvent(content) };
    await events.insert(row);
    await this.dispatcher.appended(ctx, row, handed);
    await this.bus.announce(ctx, committedEvent(row));
    return row;
  }

  /** The brand's events in chain order (tests and verification). */
  chain(ctx: RequestContext, brandId: string): Promise<AuditEventEntity[]> {
    return ctx.em
      .getRepository(AuditEventEntity)
      .find({ where: { brandId }, order: { seq: 'ASC' } });
  }
}
