import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Connection, cursors, pageSize, toConnection } from '@standpoint/graphql';
import { Operation, requireBrandOperation, requireUser } from '@standpoint/identity';
import { Brackets } from 'typeorm';
import { CreateProposalInput } from './inputs/create-proposal.input';
import { ProposalFilter } from './inputs/filters.input';
import { ProposalModel } from './models/proposal.model';
import { ProposalEntity } from './proposal.entity';
import { RevisionEntity } from './revision.entity';
import { canonicalDrafts, contentHash, DraftContent, draftProblems, ProposalState } from './rules';
import { proposalAuditEvent } from './proposal-audit-event';
import { ProposalListScopes } from './proposal-list-scopes';

export const PROPOSAL_PAGE = { default: 20, max: 100 };

@Injectable()
export class ProposalsService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly listScopes: ProposalListScopes,
  ) {}

  async create(ctx: RequestContext, input: CreateProposalInput): Promise<ProposalModel> {
    requireBrandOperation(ctx, input.brandId, Operation.CREATE_PROPOSAL);
    const now = this.clock.now();
    const problems = draftProblems(input.drafts);
    if (input.decisionDeadline && input.decisionDeadline <= now) {
      problems.push({
        field: 'input.decisionDeadline',
        rule: 'future',
        message: 'the decision deadline has passed',
      });
    }
    if (problems.length > 0) throw DomainError.invalidField(problems);

    const drafts = canonicalDrafts(input.drafts.map(asDraft));
    const authorId = requireUser(ctx).userId;
    const proposal: ProposalEntity = {
      id: newId('prp'),
      brandId: input.brandId,
      title: input.title.trim(),
      issue: input.issue.trim(),
      issueKey: matchKey(input.issue),
      stanceType: input.stanceType,
      urgency: input.urgency,
      state: ProposalState.DRAFT,
      authorId,
      decisionDeadline: input.decisionDeadline ?? null,
      currentRevisionNumber: 1,
      reviewRound: 0,
      policyVersion: null,
      publishAt: null,
      unscheduledByFreeze: false,
      version: 1,
      searchText: searchTextOf(input.title, input.issue, drafts),
      createdAt: now,
      updatedAt: now,
    };
    const revision = this.revisionOf(proposal, 1, drafts, authorId, now);
    await ctx.em.insert(ProposalEntity, proposal);
    await ctx.em.insert(RevisionEntity, revision);
    await this.audit.append(
      ctx,
      proposalAuditEvent(proposal, 'proposal.created', {
        title: proposal.title,
        issue: proposal.issue,
        stanceType: proposal.stanceType,
        urgency: proposal.urgency,
        decisionDeadline: proposal.decisionDeadline?.toISOString() ?? null,
        revision: {
          number: 1,
          contentHash: revision.contentHash,
          channels: drafts.map((d) => d.channel),
        },
      }),
    );
    return ProposalModel.from(proposal);
  }

  /**
   * A page of the brand's proposals with the filters applied: newest first, or, for
   * `awaitingMyDecision`, in the order the approval workflow gives its inbox.
   */
  async list(
    ctx: RequestContext,
    brandId: string,
    filter: ProposalFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<ProposalModel>> {
    requireBrandOperation(ctx, brandId, Operation.READ_BRAND);
    const size = pageSize(first, PROPOSAL_PAGE.default, PROPOSAL_PAGE.max);
    const query = ctx.em
      .createQueryBuilder(ProposalEntity, 'p')
      .where('p.brandId = :brandId', { brandId });
    if (filter?.states?.length)
      query.andWhere('p.state IN (:...states)', { states: filter.states });
    if (filter?.urgencies?.length)
      query.andWhere('p.urgency IN (:...urgencies)', { urgencies: filter.urgencies });
    if (filter?.issue?.trim())
      query.andWhere('p.issueKey = :issueKey', { issueKey: matchKey(filter.issue) });
    const words = matchKey(filter?.search ?? '')
      .split(/\s+/)
      .filter(Boolean);
    words.forEach((word, i) =>
      query.andWhere(
        new Brackets((where) =>
          where.where(`p.searchText LIKE :word${i} ESCAPE '\\'`, {
            [`word${i}`]: `%${escapeLike(word)}%`,
          }),
        ),
      ),
    );
    if (filter?.awaitingMyDecision) {
      const scope = this.listScopes.awaitingDecision;
      if (!(await scope.narrow(ctx, query, { brandId, viewerId: requireUser(ctx).userId }))) {
        return toConnection([], size, 0, () => [], ProposalModel.from);
      }
      const count = await query.getCount();
      scope.page(query, after ? [...cursors.decode(after, scope.cursorKinds)] : null);
      // limit, not take: the scope joins one row per proposal, so no DISTINCT pass is needed.
      const page = await query.limit(size + 1).getMany();
      return toConnection(page, size, count, (row) => scope.keyOf(row), ProposalModel.from);
    }
    const totalCount = await query.getCount();
    if (after) query.andWhere('p.id < :after', { after: cursors.decode(after, ['string'])[0] });
    const rows = await query
      .orderBy('p.id', 'DESC')
      .take(size + 1)
      .getMany();
    return toConnection(rows, size, totalCount, (row) => [row.id], ProposalModel.from);
  }

  revisionOf(
    proposal: Pick<ProposalEntity, 'id' | 'brandId'>,
    number: number,
    drafts: DraftContent[],
    createdById: string,
    at: Date,
  ): RevisionEntity {
    return {
      id: newId('rev'),
      proposalId: proposal.id,
      brandId: proposal.brandId,
      number,
      contentHash: contentHash(drafts),
      drafts,
      createdById,
      createdAt: at,
    };
  }
}

export function asDraft(input: {
  channel: DraftContent['channel'];
  body: string;
  mediaUrls?: string[] | null;
}): DraftContent {
  return { channel: input.channel, body: input.body, mediaUrls: input.mediaUrls ?? [] };
}

export function searchTextOf(
  title: string,
  issue: string,
  drafts: readonly DraftContent[],
): string {
  return matchKey([title, issue, ...drafts.map((d) => d.body)].join('\n'));
}

/** Text folded for case-insensitive matching, the same way for stored text and for filters. */
export function matchKey(text: string): string {
  return text.trim().normalize('NFC').toLowerCase();
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}
