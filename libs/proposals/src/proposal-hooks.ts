import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import type { CursorKeyKind } from '@standpoint/graphql';
import { SelectQueryBuilder } from 'typeorm';
import { ProposalEntity } from './proposal.entity';
import { RevisionEntity } from './revision.entity';

export interface Revised {
  /** The proposal after the revision. */
  proposal: ProposalEntity;
  previous: RevisionEntity;
  revision: RevisionEntity;
}

/** What a later feature does when a proposal is revised; what it returns joins the audit event. */
export type RevisedHook = (
  ctx: RequestContext,
  revised: Revised,
) => Promise<Record<string, unknown>>;

/** A row's place in a scoped list, as its cursor carries it. */
export type ListKey = (string | number)[];

/**
 * A narrowing of a brand's proposal list that a later feature owns and orders: the approval
 * workflow's inbox (`ProposalFilter.awaitingMyDecision`). It works on the list's query, whose
 * proposals are aliased `p`, after the list's own filters, with a fixed number of statements.
 */
export interface ProposalListScope {
  /** Narrows `query` to the viewer's scope in the brand; answers false when nothing can be in it. */
  narrow(
    ctx: RequestContext,
    query: SelectQueryBuilder<ProposalEntity>,
    who: { brandId: string; viewerId: string },
  ): Promise<boolean>;
  /** What the keys of `keyOf` are made of: a cursor must decode to such a key. */
  readonly cursorKinds: readonly CursorKeyKind[];
  /** Orders the narrowed query and starts it after `after` (a key of `cursorKinds`). */
  page(query: SelectQueryBuilder<ProposalEntity>, after: ListKey | null): void;
  /** The key of a row the page returned. */
  keyOf(row: ProposalEntity): ListKey;
}

/**
 * Extension points of the proposal workflow for the features built on it (the approval workflow
 * restarts its steps on a revision), run inside the change's transaction.
 */
@Injectable()
export class ProposalHooks {
  private readonly revisedHooks: RevisedHook[] = [];
  private awaitingDecisionScope: ProposalListScope | null = null;

  onRevised(hook: RevisedHook): void {
    this.revisedHooks.push(hook);
  }

  /** The approval workflow answers `awaitingMyDecision`; there is one such scope. */
  answerAwaitingDecision(scope: ProposalListScope): void {
    if (this.awaitingDecisionScope) throw new Error('awaitingMyDecision is answered already');
    this.awaitingDecisionScope = scope;
  }

  get awaitingDecision(): ProposalListScope {
    if (!this.awaitingDecisionScope) throw new Error('no feature answers awaitingMyDecision');
    return this.awaitingDecisionScope;
  }

  async revised(ctx: RequestContext, revised: Revised): Promise<Record<string, unknown>> {
    let data: Record<string, unknown> = {};
    for (const hook of this.revisedHooks) data = { ...data, ...(await hook(ctx, revised)) };
    return data;
  }
}
