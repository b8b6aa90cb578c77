import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, RequestContext } from '@standpoint/database';
import { BrandEntity, MembershipEntity, UserEntity } from '@standpoint/identity';
import { type ProposalEntity, ProposalReader, ProposalState } from '@standpoint/proposals';
import { In } from 'typeorm';
import { AwaitingDecisionScope, WithAwaitingStep } from '../awaiting-decision.scope';
import { CalendarContent, CalendarItem } from './calendar-ics';

/** At most this many owed decisions per brand: a feed is read often and must stay cheap. */
export const CALENDAR_DECISIONS_PER_BRAND = 200;

/**
 * What a user's calendar feed shows, read at each fetch: in every brand they belong to NOW, the
 * decisions they owe (the steps of their inbox, `awaitingMyDecision`, at the step's deadline, and
 * the proposal's decision deadline when it is another moment) and the scheduled publications.
 * Brands they have left show nothing, whatever they were shown before.
 */
@Injectable()
export class CalendarItemsService {
  constructor(
    private readonly proposals: ProposalReader,
    private readonly inbox: AwaitingDecisionScope,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async feedOf(ctx: RequestContext, user: UserEntity): Promise<CalendarContent> {
    const memberships = await ctx.em.find(MembershipEntity, {
      where: { userId: user.id },
      order: { brandId: 'ASC' },
    });
    const brands = memberships.length
      ? await ctx.em.find(BrandEntity, {
          where: { id: In(memberships.map((m) => m.brandId)) },
          order: { id: 'ASC' },
        })
      : [];
    const items: CalendarItem[] = [];
    for (const brand of brands) {
      const owed = (await this.proposals.inScope(
        ctx,
        this.inbox,
        { brandId: brand.id, viewerId: user.id },
        CALENDAR_DECISIONS_PER_BRAND,
      )) as WithAwaitingStep[];
      for (const proposal of owed) items.push(...this.owedItems(brand, proposal));
      const scheduled = await this.proposals.inStates(ctx, brand.id, [ProposalState.SCHEDULED]);
      for (const proposal of scheduled) {
        if (!proposal.publishAt) continue;
        items.push({
          uid: this.uid('publication', proposal.id),
          start: proposal.publishAt,
          summary: `Publishes: ${proposal.title}`,
          description: `${brand.name}: the approved words are scheduled to be posted.`,
          url: this.pageOf(proposal),
        });
      }
    }
    return {
      name: `Standpoint: ${user.name}`,
      timeZone: user.timeZone,
      stamp: this.clock.now(),
      items: items.sort(
        (a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : 1),
      ),
    };
  }

  /** The step's deadline, and the proposal's own when it is another moment (or the only one). */
  private owedItems(brand: BrandEntity, proposal: WithAwaitingStep): CalendarItem[] {
    const step = proposal.awaitingStep;
    if (!step) return [];
    const items: CalendarItem[] = [];
    const deadline = proposal.decisionDeadline;
    if (step.dueAt) {
      items.push({
        uid: this.uid('step', step.id),
        start: step.dueAt,
        summary: `Decide: ${proposal.title}`,
        description: `${brand.name}: your decision is due on the step “${step.name}”.`,
        url: this.pageOf(proposal),
      });
    }
    if (deadline && deadline.getTime() !== step.dueAt?.getTime()) {
      items.push({
        uid: this.uid('decision-deadline', proposal.id),
        start: deadline,
        summary: `Decision deadline: ${proposal.title}`,
        description: `${brand.name}: no decision by then, no post. Your decision is awaited on the step “${step.name}”.`,
        url: this.pageOf(proposal),
      });
    }
    return items;
  }

  /** Ids are unique across the app; the host keeps the UID unique across installations. */
  private uid(kind: string, id: string): string {
    return `${kind}-${id}@${new URL(this.config.publicUrl).hostname}`;
  }

  /** The proposal's printable decision record: it asks for a sign-in, and acts on nothing. */
  private pageOf(proposal: ProposalEntity): string {
    return `${this.config.publicUrl}/proposals/${proposal.id}/decision-record`;
  }
}
