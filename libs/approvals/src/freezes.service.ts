import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import {
  BrandsService,
  MembersService,
  Operation,
  requireBrandOperation,
  requireUser,
} from '@standpoint/identity';
import {
  proposalAuditEvent,
  ProposalReader,
  ProposalState,
  ProposalTransitions,
} from '@standpoint/proposals';
import { IsNull } from 'typeorm';
import { ContentFreezeEntity } from './content-freeze.entity';
import { StartContentFreezeInput } from './inputs/publication.input';

/** Crisis mode: while a freeze holds, nothing is scheduled or published except by its allow-list. */
@Injectable()
export class FreezesService {
  constructor(
    private readonly transitions: ProposalTransitions,
    private readonly proposals: ProposalReader,
    private readonly members: MembersService,
    private readonly brands: BrandsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The freeze holding now, if any (one that has reached its end no longer holds). */
  async active(ctx: RequestContext, brandId: string): Promise<ContentFreezeEntity | null> {
    const freeze = await ctx.em.findOneBy(ContentFreezeEntity, { brandId, endedAt: IsNull() });
    return freeze && (!freeze.endsAt || freeze.endsAt > this.clock.now()) ? freeze : null;
  }

  /** Starts a freeze: every SCHEDULED proposal goes back to APPROVED, its schedule cleared and recorded. */
  async start(ctx: RequestContext, input: StartContentFreezeInput): Promise<void> {
    requireBrandOperation(ctx, input.brandId, Operation.MANAGE_CONTENT_FREEZE);
    // A platform administrator passes the role check for any id: make sure it names a brand.
    await this.brands.get(ctx, input.brandId);
    const now = this.clock.now();
    if (input.endsAt && input.endsAt <= now) {
      throw DomainError.invalidField([
        { field: 'input.endsAt', rule: 'future', message: 'the end of the freeze has passed' },
      ]);
    }
    const members = new Set((await this.members.ofBrand(ctx, input.brandId)).map((m) => m.userId));
    const allowed = [...new Set(input.allowUserIds ?? [])];
    const strangers = allowed.map((id, i) => [id, i] as const).filter(([id]) => !members.has(id));
    if (strangers.length > 0) {
      throw DomainError.invalidField(
        strangers.map(([id, i]) => ({
          field: `input.allowUserIds[${i}]`,
          rule: 'member',
          message: `${id} is not a member of the brand`,
        })),
      );
    }
    // Two freezes started at the same moment take turns on the brand's row (SQLite's transactions do anyway).
    if (ctx.dialect === 'postgres') {
      await ctx.em.query('SELECT id FROM brand WHERE id = $1 FOR UPDATE', [input.brandId]);
    }
    if (await this.active(ctx, input.brandId)) {
      throw DomainError.conflict('A content freeze holds already; end it first');
    }
    await this.endLapsed(ctx, input.brandId);

    const freeze: ContentFreezeEntity = {
      id: newId('frz'),
      brandId: input.brandId,
      reason: input.reason.trim(),
      startedAt: now,
      endsAt: input.endsAt ?? null,
      startedById: requireUser(ctx).userId,
      allowedUserIds: allowed,
      endedAt: null,
      endedById: null,
    };
    await ctx.em.insert(ContentFreezeEntity, freeze);
    const scheduled = await this.proposals.inStates(ctx, input.brandId, [ProposalState.SCHEDULED]);
    const unscheduled = scheduled.map((proposal) => ({
      proposalId: proposal.id,
      publishAt: proposal.publishAt?.toISOString() ?? null,
    }));
    await this.audit.append(
      ctx,
      {
        brandId: input.brandId,
        action: 'content_freeze.started',
        entityType: 'ContentFreeze',
        entityId: freeze.id,
        data: {
          reason: freeze.reason,
          endsAt: freeze.endsAt,
          allowedUserIds: allowed,
          unscheduled,
        },
      },
      { freeze, unscheduled: scheduled },
    );
    for (const proposal of scheduled) {
      await this.transitions.move(ctx, proposal, 'unschedule', ProposalState.APPROVED, {
        publishAt: null,
        unscheduledByFreeze: true,
      });
      // Its own event too, so that the proposal's history and live subscribers see it.
      await this.audit.append(
        ctx,
        proposalAuditEvent(proposal, 'proposal.unscheduled', {
          freezeId: freeze.id,
          reason: freeze.reason,
          publishAt: proposal.publishAt,
          state: { from: proposal.state, to: ProposalState.APPROVED },
        }),
      );
    }
  }

  async end(ctx: RequestContext, brandId: string): Promise<void> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_CONTENT_FREEZE);
    const freeze = await this.active(ctx, brandId);
    if (!freeze) return this.endLapsed(ctx, brandId);
    await this.close(ctx, freeze, requireUser(ctx).userId);
  }

  /** Closes a freeze whose automatic end has passed (the worker does this on time; this catches up). */
  async endLapsed(ctx: RequestContext, brandId: string): Promise<void> {
    const lapsed = await ctx.em.findOneBy(ContentFreezeEntity, { brandId, endedAt: IsNull() });
    if (lapsed?.endsAt && lapsed.endsAt <= this.clock.now()) await this.close(ctx, lapsed, null);
  }

  private async close(
    ctx: RequestContext,
    freeze: ContentFreezeEntity,
    byId: string | null,
  ): Promise<void> {
    const endedAt =
      freeze.endsAt && freeze.endsAt <= this.clock.now() && !byId
        ? freeze.endsAt
        : this.clock.now();
    const closed = await ctx.em
      .createQueryBuilder()
      .update(ContentFreezeEntity)
      .set({ endedAt, endedById: byId })
      .where('id = :id AND endedAt IS NULL', { id: freeze.id })
      .execute();
    // Ended meanwhile by someone else (a user, another worker): nothing more to record.
    if (closed.affected !== 1) return;
    await this.audit.append(
      ctx,
      {
        brandId: freeze.brandId,
        action: 'content_freeze.ended',
        entityType: 'ContentFreeze',
        entityId: freeze.id,
        data: {
          reason: freeze.reason,
          startedAt: freeze.startedAt,
          endedAt,
          automatic: byId === null,
        },
      },
      { freeze, endedAt, byId },
    );
  }
}
