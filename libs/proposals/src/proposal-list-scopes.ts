import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import type { CursorKeyKind } from '@standpoint/graphql';
import { SelectQueryBuilder } from 'typeorm';
import { ProposalEntity } from './proposal.entity';
import { RevisionEntity } from './revision.entity';

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
 * A condition for a scope's WHERE: the user bound as `:userParam` wrote no revision of the listed
 * proposal. The revisions stay this library's to query.
 */
export function wroteNoRevision(
  query: SelectQueryBuilder<ProposalEntity>,
  userParam: string,
): string {
  const byUser = query
    .subQuery()
    .select('1')
    .from(RevisionEntity, 'r')
    .where(`r.proposalId = p.id AND r.createdById = :${userParam}`)
    .getQuery();
  return `NOT EXISTS ${byUser}`;
}

/**
 * The scopes of the proposal list that the features built on it answer. (What follows a change to
 * a proposal subscribes to its audit event on the AuditDispatcher instead.)
 */
@Injectable()
export class ProposalListScopes {
  private awaitingDecisionScope: ProposalListScope | null = null;

  /** The approval workflow answers `awaitingMyDecision`; there is one such scope. */
  answerAwaitingDecision(scope: ProposalListScope): void {
    if (this.awaitingDecisionScope) throw new Error('awaitingMyDecision is answered already');
    this.awaitingDecisionScope = scope;
  }

  get awaitingDecision(): ProposalListScope {
    if (!this.awaitingDecisionScope) throw new Error('no feature answers awaitingMyDecision');
    return this.awaitingDecisionScope;
  }
}
