import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionRunner, UserActor } from '@standpoint/database';
import { DataSource } from 'typeorm';
import { EvidenceService } from './evidence.service';
import { ProposalsService } from './proposals.service';
import { RecommendationsService } from './recommendations.service';
import { RiskNotesService } from './risk-notes.service';
import {
  Channel,
  EvidenceKind,
  PeerReception,
  Recommendation,
  RiskCategory,
  StanceType,
  Urgency,
} from './rules';

export interface DemoAuthors {
  brandId: string;
  socialManager: { userId: string; email: string };
  contributor: { userId: string; email: string };
  reviewer: { userId: string; email: string };
}

/** A sample proposal for the demo brand, built by its members through the same services as the API. */
@Injectable()
export class DemoProposal {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly proposals: ProposalsService,
    private readonly evidence: EvidenceService,
    private readonly riskNotes: RiskNotesService,
    private readonly recommendations: RecommendationsService,
  ) {}

  async seed(authors: DemoAuthors): Promise<string> {
    const ctx = RequestContext.system(this.dataSource);
    const as = (member: { userId: string; email: string }, role: string): UserActor => ({
      kind: 'user',
      userId: member.userId,
      email: member.email,
      platformAdmin: false,
      brandRoles: new Map([[authors.brandId, [role]]]),
    });
    return this.transactions.run(ctx, async () => {
      ctx.actor = as(authors.socialManager, 'SOCIAL_MANAGER');
      const proposal = await this.proposals.create(ctx, {
        brandId: authors.brandId,
        title: 'Speak up for Pride month',
        issue: 'LGBTQ+ rights',
        stanceType: StanceType.STATEMENT,
        urgency: Urgency.ELEVATED,
        drafts: [
          {
            channel: Channel.X,
            body: 'Love is love, in June and every month. Our Pride collection funds local shelters all year.',
          },
          {
            channel: Channel.LINKEDIN,
            body: 'This June we renew our commitment: all profits of our Pride collection go to local LGBTQ+ youth shelters, as they have since 2021.',
          },
        ],
      });
      ctx.actor = as(authors.contributor, 'CONTRIBUTOR');
      await this.evidence.add(ctx, {
        proposalId: proposal.id,
        kind: EvidenceKind.SURVEY_STAT,
        summary: '70% of consumers say it is important for brands to take a stand',
        survey: { statistic: 70, sampleSize: 2000, source: 'Brand Stance Survey' },
      });
      await this.evidence.add(ctx, {
        proposalId: proposal.id,
        kind: EvidenceKind.PEER_BRAND_EXAMPLE,
        summary: 'A peer changed its logo for June only',
        peerExample: {
          peerBrand: 'Rainbow Retail',
          action: 'Rainbow logo in June, nothing else',
          reception: PeerReception.CALLED_OUT_PERFORMATIVE,
        },
      });
      ctx.actor = as(authors.reviewer, 'REVIEWER');
      await this.riskNotes.add(ctx, {
        proposalId: proposal.id,
        category: RiskCategory.PERFORMATIVE_ALLYSHIP,
        likelihood: 3,
        impact: 4,
        description: 'Seen as a June-only gesture unless the year-round funding is shown',
        mitigation: 'Link the shelter partnership report',
      });
      ctx.actor = as(authors.socialManager, 'SOCIAL_MANAGER');
      await this.recommendations.set(ctx, {
        proposalId: proposal.id,
        recommendation: Recommendation.PROCEED_WITH_CHANGES,
        rationale: 'Post once the partnership report link is in the drafts',
      });
      return proposal.id;
    });
  }
}
