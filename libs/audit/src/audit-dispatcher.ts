import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import {
  AuditAction,
  AuditContributedFacts,
  AuditContribution,
  AuditEntityType,
  AuditEventInput,
  AuditFacts,
  ContributedAction,
  StoredAuditData,
} from '@standpoint/events';
import { AuditEventEntity } from './audit-event.entity';

/*
 * The one way a feature reacts to a change inside the change's transaction (Vendure's blocking
 * event handlers). Every audit append runs two phases for its action, in the order the
 * subscribers registered:
 *
 *   1. contribute — before the event's content is settled: a subscriber does its part of the
 *      change (the approval workflow restarts the review of a revised proposal) and returns what
 *      joins the event's data, after the emitting service's own keys, and the facts it made for
 *      the later phase (see AuditContributedFacts);
 *   2. appended — the content settled, before the event takes its place in the brand's chain: a
 *      subscriber reads and writes what it must (the notices queue their emails). What needs the
 *      event's place (its sequence number and time: the webhooks' deliveries) it answers as a
 *      function of the stored event, which runs just after the insert and reads nothing.
 *
 * The place is taken last because on PostgreSQL it is taken under the brand's lock, held until
 * the commit: every concurrent change of the brand waits for whatever runs after it.
 *
 * Both phases receive the typed event and the facts the emitting service already holds (see
 * AuditFacts), and the appended phase also those the contributors made, so no subscriber reads
 * them again. The emitting service's facts object is never changed. A throw in either rolls the whole change back.
 * After the commit, and only then, the audit service publishes the event on the AuditEventBus
 * (live updates): that is the one way to react after the fact.
 *
 * Subscribers register by action in their feature module's onModuleInit (ApprovalsModule,
 * WebhooksModule, AccountEmailsModule), and every process that changes data imports those modules:
 * test/audit-dispatcher.e2e-spec.ts checks that the API, the worker, the command line and the
 * all-in-one server end up with the same subscribers.
 */

/** The facts the emitting service hands the subscribers of `A` (undefined when it has none). */
export type AuditFactsOf<A extends AuditAction> = A extends keyof AuditFacts
  ? AuditFacts[A]
  : undefined;

/** The facts contributors of `A` may have made: optional, as no contributor may be registered. */
export type ContributedFactsOf<A extends AuditAction> = A extends keyof AuditContributedFacts
  ? Partial<AuditContributedFacts[A]>
  : unknown;

/** What one contributor answers: its keys in the event's data, and facts for the appended phase. */
export interface Contribution<A extends ContributedAction> {
  data: AuditContribution<A>;
  facts?: ContributedFactsOf<A>;
}

/** The event's data as contributed to, and every fact the appended subscribers receive. */
export interface Contributed {
  data: object;
  facts: unknown;
}

/** A stored audit event of `A`, its payload typed by the catalog. */
export type AppendedAuditEvent<A extends AuditAction = AuditAction> = A extends AuditAction
  ? Omit<AuditEventEntity, 'action' | 'entityType' | 'data'> & {
      action: A;
      entityType: AuditEntityType<A>;
      data: StoredAuditData<A>;
    }
  : never;

export type AuditContributor<A extends ContributedAction> = (
  ctx: RequestContext,
  event: AuditEventInput<A>,
  facts: AuditFactsOf<A>,
) => Promise<Contribution<A>>;

/** The parts of a stored event that its place in the chain decides. */
type PlaceInChain = 'seq' | 'at' | 'prevHash' | 'hash' | 'canonical';

/** An audit event of `A` with its content settled, before it has its place in the chain. */
export type AppendingAuditEvent<A extends AuditAction = AuditAction> = A extends AuditAction
  ? Omit<AppendedAuditEvent<A>, PlaceInChain>
  : never;

/** What a subscriber does with the stored event: write what carries its place, reading nothing. */
export type WhenPlaced<A extends AuditAction> = (event: AppendedAuditEvent<A>) => Promise<void>;

export type AuditAppendedSubscriber<A extends AuditAction> = (
  ctx: RequestContext,
  event: AppendingAuditEvent<A>,
  facts: AuditFactsOf<A> & ContributedFactsOf<A>,
) => Promise<void | WhenPlaced<A>>;

type AnyContributor = (
  ctx: RequestContext,
  event: AuditEventInput,
  facts: unknown,
) => Promise<{ data: object; facts?: unknown }>;
type AnyAppendedSubscriber = (
  ctx: RequestContext,
  event: AppendingAuditEvent,
  facts: unknown,
) => Promise<void | AnyWhenPlaced>;
type AnyWhenPlaced = (event: AuditEventEntity) => Promise<void>;

@Injectable()
export class AuditDispatcher {
  private readonly contributors = new Map<AuditAction, AnyContributor[]>();
  private readonly appendedSubscribers = new Map<AuditAction, AnyAppendedSubscriber[]>();

  /**
   * Runs `contributor` before each event of these actions is written; its data joins the event's,
   * its facts the appended subscribers'.
   */
  contribute<A extends ContributedAction>(
    actions: A | readonly A[],
    contributor: AuditContributor<A>,
  ): void {
    add(this.contributors, actions, contributor as unknown as AnyContributor);
  }

  /**
   * Runs `subscriber` for each event of these actions once its content is settled, before it
   * takes its place in the chain; what it answers runs after the insert.
   */
  onAppended<A extends AuditAction>(
    actions: A | readonly A[],
    subscriber: AuditAppendedSubscriber<A>,
  ): void {
    add(this.appendedSubscribers, actions, subscriber as unknown as AnyAppendedSubscriber);
  }

  /**
   * The event's data (the service's own keys, then each contributor's, in registration order) and
   * the facts for the appended phase (the service's, then each contributor's).
   */
  async contributions(
    ctx: RequestContext,
    event: AuditEventInput,
    facts: unknown,
  ): Promise<Contributed> {
    let contributed: Contributed = { data: event.data, facts };
    for (const contributor of this.contributors.get(event.action) ?? []) {
      const answer = await contributor(ctx, event, facts);
      contributed = {
        data: { ...contributed.data, ...answer.data },
        facts: answer.facts
          ? { ...(contributed.facts as object), ...answer.facts }
          : contributed.facts,
      };
    }
    return contributed;
  }

  /** Runs the appended phase; answers what the subscribers left for the stored event. */
  async appended(
    ctx: RequestContext,
    event: AppendingAuditEvent,
    facts: unknown,
  ): Promise<AnyWhenPlaced[]> {
    const whenPlaced: AnyWhenPlaced[] = [];
    for (const subscriber of this.appendedSubscribers.get(event.action) ?? []) {
      const answer = await subscriber(ctx, event, facts);
      if (answer) whenPlaced.push(answer);
    }
    return whenPlaced;
  }

  /** Who listens to what, by phase (for the check that every process has the same subscribers). */
  subscriptions(): { contribute: AuditAction[]; appended: AuditAction[] } {
    const listed = (map: Map<AuditAction, unknown[]>) =>
      [...map].flatMap(([action, handlers]) => handlers.map(() => action)).sort();
    return { contribute: listed(this.contributors), appended: listed(this.appendedSubscribers) };
  }
}

function add<Handler>(
  map: Map<AuditAction, Handler[]>,
  actions: AuditAction | readonly AuditAction[],
  handler: Handler,
): void {
  for (const action of typeof actions === 'string' ? [actions] : actions) {
    map.set(action, [...(map.get(action) ?? []), handler]);
  }
}
