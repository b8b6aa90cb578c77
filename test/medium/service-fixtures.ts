import { BrandsService, MembersService, Role } from '@standpoint/identity';
import {
  EvidenceKind,
  ProposalState,
  Recommendation,
  RevisionEntity,
  StanceType,
  Urgency,
} from '@standpoint/proposals';
import { TestServices } from '@standpoint/testing';
import { randomBytes } from 'node:crypto';
import { PolicyStepInput } from '../../libs/approvals/src/inputs/set-approval-policy.input';
import { PoliciesService } from '../../libs/approvals/src/policies.service';
import { ReviewService } from '../../libs/approvals/src/review.service';
import { EvidenceService } from '../../libs/proposals/src/evidence.service';
import { ProposalsService } from '../../libs/proposals/src/proposals.service';
import { RecommendationsService } from '../../libs/proposals/src/recommendations.service';

export interface ServiceProposal {
  id: string;
  /** The content hash of the current revision, which approvers decide on. */
  contentHash: string;
}

/**
 * Brands, members, policies and proposals made through the features' own services, as the
 * resolvers would make them, for the service specs: no HTTP, no password, no sign-in.
 */
export class ServiceFixtures {
  constructor(private readonly s: TestServices) {}

  async brand(): Promise<string> {
    const name = `Brand ${unique()}`;
    const slug = name.toLowerCase().replace(/ /g, '-');
    const brand = await this.s.asSystem((ctx) =>
      this.s.get(BrandsService).create(ctx, { name, slug }),
    );
    return brand.id;
  }

  /** A new user with `roles` in the brand; answers their id. */
  async member(brandId: string, roles: Role[]): Promise<string> {
    const email = `${unique()}@example.test`;
    const membership = await this.s.asSystem((ctx) =>
      this.s.get(MembersService).add(ctx, { brandId, email, name: `Member ${email}`, roles }),
    );
    return membership.userId;
  }

  /** The brand's approval policy, set by `adminId` (an ADMIN of the brand). */
  async policy(brandId: string, adminId: string, steps: Partial<PolicyStepInput>[]): Promise<void> {
    await this.s.as(adminId, (ctx) =>
      this.s.get(PoliciesService).set(ctx, { brandId, steps: steps as PolicyStepInput[] }),
    );
  }

  /** A routine statement made, evidenced, recommended and submitted by `authorId`: IN_REVIEW. */
  async inReview(brandId: string, authorId: string): Promise<ServiceProposal> {
    const proposal = await this.s.as(authorId, (ctx) =>
      this.s.get(ProposalsService).create(ctx, {
        brandId,
        title: 'Pride month',
        issue: 'LGBTQ+ rights',
        stanceType: StanceType.STATEMENT,
        urgency: Urgency.ROUTINE,
        drafts: [{ channel: 'X', body: `We stand with our LGBTQ+ colleagues. ${unique()}` }],
      } as Parameters<ProposalsService['create']>[1]),
    );
    await this.s.as(authorId, (ctx) =>
      this.s.get(EvidenceService).add(ctx, {
        proposalId: proposal.id,
        kind: EvidenceKind.SURVEY_STAT,
        summary: '70% of consumers say it is important for brands to take a stand',
        survey: { statistic: 70, source: 'Survey' },
      } as Parameters<EvidenceService['add']>[1]),
    );
    await this.s.as(authorId, (ctx) =>
      this.s.get(RecommendationsService).set(ctx, {
        proposalId: proposal.id,
        recommendation: Recommendation.PROCEED,
        rationale: 'We recommend PROCEED',
      }),
    );
    const submitted = await this.s.as(authorId, (ctx) =>
      this.s.get(ReviewService).submit(ctx, proposal.id),
    );
    if (!('state' in submitted) || submitted.state !== ProposalState.IN_REVIEW)
      throw new Error(`the submitted proposal is not IN_REVIEW: ${JSON.stringify(submitted)}`);
    const revision = await this.s.asSystem((ctx) =>
      ctx.em.findOneByOrFail(RevisionEntity, { proposalId: proposal.id, number: 1 }),
    );
    return { id: proposal.id, contentHash: revision.contentHash };
  }
}

function unique(): string {
  return randomBytes(4).toString('hex');
}
