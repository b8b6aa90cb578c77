import { Injectable } from '@nestjs/common';
import { MoreThanOrEqual } from 'typeorm';
import { actorLabel, actorUserId, Clock, newId, RequestContext } from '@standpoint/database';
import { AuditAction, AuditEventInput, AuditFacts } from '@standpoint/events';
import { AuditEventContent, GENESIS_HASH, sealEvent } from './rules';
import { AppendingAuditEvent, AuditDispatcher } from './audit-dispatcher';
import { AuditEventBus, committedEvent } from './audit-event-bus';
import { AuditEventEntity } from './audit-event.entity';

// The first key of PostgreSQL's two-key advisory locks, reserved for audit appends.
export const AUDIT_LOCK_CLASS = 727_310_002;

@Injectable()
export class AuditService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: AuditEventBus,
    private readonly dispatcher: AuditDispatcher,
  ) {}

  /**
   * Appends one event to the brand's chain inside the caller's transaction, so the event exists if
   * and only if the change does. The dispatcher's subscribers of the action run first, in the
   * same transaction: their contributions join the data (dates become ISO text, undefined members
   * vanish, as in JSON.stringify), and what they do on the event runs before it takes its place.
   * The place is taken last, as late in the transaction as the caller allows: on PostgreSQL under
   * a per-brand advisory lock held until commit, which makes concurrent appends take turns (on
   * SQLite transactions already do), so the lock is held for the head, the insert and the commit.
   * UNIQUE(brand, seq) is the last line of defence against a fork. The event is announced on the
   * audit event bus in the transaction, for the live updates: listeners hear of it once (and only
   * if) it commits.
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
    const appending = {
      id: newId('aud'),
      brandId: event.brandId,
      actorId: actorUserId(ctx.actor),
      actorLabel: actorLabel(ctx.actor),
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      data: JSON.parse(JSON.stringify(data)) as AuditEventContent['data'],
    } as AppendingAuditEvent;
    const whenPlaced = await this.dispatcher.appended(ctx, appending, handed);
    // Rows held back for one INSERT (a decision's emails) go in before the lock, unless what the
    // subscribers answered adds to them: one statement either way, and the lock held for fewer.
    if (whenPlaced.length === 0) await ctx.writeQueuedRows();
    const row = await this.place(ctx, appending);
    for (const write of whenPlaced) await write(row);
    await this.bus.announce(ctx, committedEvent(row));
    return row;
  }

  /** Lock (PostgreSQL), head, insert: the event's sequence number, time and hashes, stored. */
  private async place(ctx: RequestContext, event: AppendingAuditEvent): Promise<AuditEventEntity> {
    const events = ctx.em.getRepository(AuditEventEntity);
    if (ctx.dialect === 'postgres') {
      await ctx.em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        AUDIT_LOCK_CLASS,
        event.brandId,
      ]);
    }
    // Only what the next link needs: the lock is held while this is read.
    const head = await events.findOne({
      select: { seq: true, hash: true },
      where: { brandId: event.brandId },
      order: { seq: 'DESC' },
    });
    const at = this.clock.now();
    const content: AuditEventContent = {
      brandId: event.brandId,
      seq: (head?.seq ?? 0) + 1,
      at: at.toISOString(),
      actorId: event.actorId,
      actorLabel: event.actorLabel,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      data: event.data as AuditEventContent['data'],
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const row: AuditEventEntity = { id: event.id, ...content, at, ...sealEvent(content) };
    await events.insert(row);
    return row;
  }

  /** How many events of `action` the brand recorded since `since` (of one entity, if given). */
  countSince(
    ctx: RequestContext,
    of: { brandId: string; action: AuditAction; entityId?: string },
    since: Date,
  ): Promise<number> {
    return ctx.em.getRepository(AuditEventEntity).countBy({ ...of, at: MoreThanOrEqual(since) });
  }

  /** The brand's events in chain order (tests and verification). */
  chain(ctx: RequestContext, brandId: string): Promise<AuditEventEntity[]> {
    return ctx.em
      .getRepository(AuditEventEntity)
      .find({ where: { brandId }, order: { seq: 'ASC' } });
  }
}
