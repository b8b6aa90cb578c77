import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Connection, cursors, pageSize, toConnection } from '@standpoint/graphql';
import { canSeeBrand, Operation, requireBrandOperation } from '@standpoint/identity';
import { OutboxMessageModel } from './outbox-message.model';
import { OutboxMessageEntity, OutboxStatus } from './outbox-message.entity';

export const OUTBOX_PAGE = { default: 50, max: 200 };

/** The brand's outbox for its admins: what was (not) delivered, and a second chance for the dead. */
@Injectable()
export class OutboxAdmin {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The brand's messages, newest first, optionally of one status. */
  async list(
    ctx: RequestContext,
    brandId: string,
    status: OutboxStatus | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<OutboxMessageModel>> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_OUTBOX);
    const size = pageSize(first, OUTBOX_PAGE.default, OUTBOX_PAGE.max);
    const query = ctx.em
      .createQueryBuilder(OutboxMessageEntity, 'm')
      .where('m.brandId = :brandId', { brandId });
    if (status) query.andWhere('m.status = :status', { status });
    const totalCount = await query.getCount();
    // Ids are UUIDv7: their order is the order the messages were written in.
    if (after) query.andWhere('m.id < :after', { after: cursors.decode(after, ['string'])[0] });
    const rows = await query
      .orderBy('m.id', 'DESC')
      .take(size + 1)
      .getMany();
    return toConnection(rows, size, totalCount, (row) => [row.id], OutboxMessageModel.from);
  }

  async get(ctx: RequestContext, id: string): Promise<OutboxMessageModel> {
    return OutboxMessageModel.from(await this.find(ctx, id));
  }

  /** Puts a dead message back in the queue, due now with its attempts reset; audited. */
  async retry(ctx: RequestContext, id: string): Promise<OutboxMessageModel> {
    const row = await this.find(ctx, id);
    if (row.status !== 'DEAD') {
      throw DomainError.conflict(`Only a DEAD message can be retried; this one is ${row.status}`);
    }
    const now = this.clock.now();
    const retried = await ctx.em.update(
      OutboxMessageEntity,
      { id, status: 'DEAD' },
      { status: 'PENDING', attempts: 0, availableAt: now, claimedUntil: null },
    );
    if (retried.affected !== 1) throw DomainError.conflict('The message was retried meanwhile');
    await this.audit.append(ctx, {
      brandId: row.brandId,
      action: 'outbox.retried',
      entityType: 'OutboxMessage',
      entityId: row.id,
      data: {
        topic: row.topic,
        channel: row.channel,
        failedAttempts: row.attempts,
        lastError: row.lastError,
      },
    });
    return OutboxMessageModel.from({
      ...row,
      status: 'PENDING',
      attempts: 0,
      availableAt: now,
      claimedUntil: null,
    });
  }

  /**
   * A message of a brand the caller administers; any other is not found, or forbidden. An
   * account's own email (a reset link) belongs to no brand and to no admin.
   */
  private async find(
    ctx: RequestContext,
    id: string,
  ): Promise<OutboxMessageEntity & { brandId: string }> {
    const row = await ctx.em.findOneBy(OutboxMessageEntity, { id });
    const brandId = row?.brandId;
    if (!row || !brandId || !canSeeBrand(ctx, brandId))
      throw DomainError.notFound('Outbox message');
    requireBrandOperation(ctx, brandId, Operation.MANAGE_OUTBOX);
    return { ...row, brandId };
  }
}
