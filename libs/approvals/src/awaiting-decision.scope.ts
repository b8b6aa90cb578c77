import { Injectable } from '@nestjs/common';
import { jsonArrayHolds, jsonText, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { MembershipEntity } from '@standpoint/identity';
import {
  ListKey,
  type ProposalEntity,
  ProposalListScope,
  ProposalState,
  wroteNoRevision,
} from '@standpoint/proposals';
import { SelectQueryBuilder } from 'typeorm';
import { ApprovalStepEntity } from './approval-step.entity';
import { DecisionEntity } from './decision.entity';
import { isDecidingRole, StepStatus } from './rules';

/** The step awaiting the viewer, mapped onto each proposal of the inbox's page. */
export type WithAwaitingStep = ProposalEntity & { awaitingStep?: ApprovalStepEntity };

/**
 * The approver's inbox (`ProposalFilter.awaitingMyDecision`): the proposals in review whose active
 * step awaits the viewer's own decision on the current revision, soonest deadline first (steps
 * without one last), then by id. "Awaits" holds exactly when a decision by the viewer would pass
 * the refusal order: the viewer wrote no revision, was asked on the step and still holds a
 * membership it accepts (mayDecideNow), and has not decided on it for these words. All of it is
 * one query with the list's own filters, plus one to read the viewer's membership.
 */
@Injectable()
export class AwaitingDecisionScope implements ProposalListScope {
  /** The step's deadline in milliseconds ('' for none), then the proposal's id. */
  readonly cursorKinds = ['number or string', 'string'] as const;

  async narrow(
    ctx: RequestContext,
    query: SelectQueryBuilder<ProposalEntity>,
    { brandId, viewerId }: { brandId: string; viewerId: string },
  ): Promise<boolean> {
    const membership = await ctx.em.findOneBy(MembershipEntity, { brandId, userId: viewerId });
    const roles = (membership?.roles ?? []).filter((role) => isDecidingRole(role));
    // Without a deciding role nobody names them on a step, by role or by id.
    if (roles.length === 0) return false;

    const dialect = ctx.dialect;
    const definition = 's.definition';
    query
      .innerJoinAndMapOne(
        'p.awaitingStep',
        ApprovalStepEntity,
        's',
        's.proposalId = p.id AND s.round = p.reviewRound AND s.status IN (:...openSteps)',
        { openSteps: [StepStatus.ACTIVE, StepStatus.BLOCKED] },
      )
      .andWhere('p.state = :inReview', { inReview: ProposalState.IN_REVIEW })
      .andWhere('p.authorId <> :viewerId', { viewerId })
      .andWhere((q) => wroteNoRevision(q, 'viewerId'))
      .andWhere(
        (q) =>
          `NOT EXISTS ${q
            .subQuery()
            .select('1')
            .from(DecisionEntity, 'd')
            .where(
              'd.stepId = s.id AND d.approverId = :viewerId AND d.revisionNumber = p.currentRevisionNumber',
            )
            .getQuery()}`,
      )
      .andWhere(jsonArrayHolds(dialect, 's.eligibleApproverIds', 'viewerId'))
      .andWhere(
        `(${jsonText(dialect, definition, 'role')} IN (:...viewerRoles)` +
          ` OR ${jsonArrayHolds(dialect, definition, 'viewerId', 'approverIds')}` +
          ` OR (s.escalated = :escalated AND ${jsonArrayHolds(dialect, definition, 'viewerId', 'escalateToIds')}))`,
        { viewerRoles: roles, escalated: true },
      );
    return true;
  }

  page(query: SelectQueryBuilder<ProposalEntity>, after: ListKey | null): void {
    query.orderBy('s.dueAt', 'ASC', 'NULLS LAST').addOrderBy('p.id', 'ASC');
    if (!after) return;
    const [due, id] = after;
    const valid =
      after.length === 2 && typeof id === 'string' && (due === '' || Number.isInteger(due));
    if (!valid) {
      throw DomainError.badInput('after is not a cursor of this list', {
        fields: [{ field: 'after', rules: ['cursor'], messages: ['not a cursor of this list'] }],
      });
    }
    if (due === '') {
      query.andWhere('s.dueAt IS NULL AND p.id > :afterId', { afterId: id });
    } else {
      query.andWhere(
        '(s.dueAt > :afterDue OR (s.dueAt = :afterDue AND p.id > :afterId) OR s.dueAt IS NULL)',
        { afterDue: new Date(due as number), afterId: id },
      );
    }
  }

  keyOf(row: WithAwaitingStep): ListKey {
    return [row.awaitingStep?.dueAt?.getTime() ?? '', row.id];
  }
}
