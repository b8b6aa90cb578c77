import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { Operation, requireUser } from '@standpoint/identity';
import { SetRecommendationInput } from './inputs/recommendation.input';
import { ProposalModel } from './models/proposal.model';
import { ProposalAccess } from './proposal-access';
import { RecommendationEntity } from './recommendation.entity';
import { proposalAuditEvent } from './proposal-audit-event';

@Injectable()
export class RecommendationsService {
  constructor(
    private readonly access: ProposalAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Records the team's advice on the current revision; earlier advice is kept. */
  async set(ctx: RequestContext, input: SetRecommendationInput): Promise<ProposalModel> {
    const proposal = await this.access.forChange(
      ctx,
      input.proposalId,
      Operation.SET_RECOMMENDATION,
    );
    this.access.requireDossierOpen(proposal, 'a recommendation');
    const previous = await ctx.em.findOne(RecommendationEntity, {
      where: { proposalId: proposal.id },
      order: { id: 'DESC' },
    });
    const rationale = input.rationale.trim();
    const unchanged =
      previous?.recommendation === input.recommendation &&
      previous.rationale === rationale &&
      previous.revisionNumber === proposal.currentRevisionNumber;
    if (unchanged) return ProposalModel.from(proposal);

    const recommendation: RecommendationEntity = {
      id: newId('rec'),
      proposalId: proposal.id,
      brandId: proposal.brandId,
      recommendation: input.recommendation,
      rationale,
      byId: requireUser(ctx).userId,
      revisionNumber: proposal.currentRevisionNumber,
      at: this.clock.now(),
    };
    await ctx.em.insert(RecommendationEntity, recommendation);
    await this.audit.append(
      ctx,
      proposalAuditEvent(proposal, 'recommendation.set', {
        before: previous
          ? {
              recommendation: previous.recommendation,
              rationale: previous.rationale,
              revisionNumber: previous.revisionNumber,
            }
          : null,
        after: {
          recommendation: recommendation.recommendation,
          rationale,
          revisionNumber: recommendation.revisionNumber,
        },
      }),
    );
    return ProposalModel.from(proposal);
  }
}
