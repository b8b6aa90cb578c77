import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditDispatcher, AuditModule } from '@standpoint/audit';
import { IdentityModule } from '@standpoint/identity';
import { AlertsModule, NotificationsModule, TeamsModule } from '@standpoint/notifications';
import { ProposalListScopes, ProposalsModule } from '@standpoint/proposals';
import { APPROVAL_NOTICES, ApprovalNotices } from './notices/approval-notices';
import { ApprovalPolicyEntity } from './approval-policy.entity';
import { ApprovalStepEntity } from './approval-step.entity';
import { AwaitingDecisionScope } from './awaiting-decision.scope';
import { ContentFreezeEntity } from './content-freeze.entity';
import { DeadlineEntity } from './deadline.entity';
import { DecisionEntity } from './decision.entity';
import { DeadlinesService } from './deadlines.service';
import { DecisionPasskeys } from './decision-passkeys';
import { DecisionsService } from './decisions.service';
import { DossierFacts } from './dossier-facts';
import { EligibilityFollowsMembership, MEMBERSHIP_EVENTS } from './eligibility-follows-membership';
import { FreezesService } from './freezes.service';
import { PoliciesService } from './policies.service';
import { PublicationEntity } from './publication.entity';
import { PublicationService } from './publication.service';
import { ReviewService } from './review.service';
import { StepDeciders } from './step-deciders';

const SERVICES = [
  AwaitingDecisionScope,
  DeadlinesService,
  DecisionPasskeys,
  DecisionsService,
  DossierFacts,
  EligibilityFollowsMembership,
  FreezesService,
  PoliciesService,
  PublicationService,
  ReviewService,
  StepDeciders,
];

/** The approval workflow: policies, review steps, decisions, the content freeze and publication. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ApprovalPolicyEntity,
      ApprovalStepEntity,
      DecisionEntity,
      ContentFreezeEntity,
      PublicationEntity,
      DeadlineEntity,
    ]),
    AuditModule,
    IdentityModule,
    NotificationsModule,
    TeamsModule,
    AlertsModule,
    ProposalsModule,
  ],
  providers: [...SERVICES, ...APPROVAL_NOTICES],
  exports: SERVICES,
})
export class ApprovalsModule implements OnModuleInit {
  constructor(
    private readonly dispatcher: AuditDispatcher,
    private readonly listScopes: ProposalListScopes,
    private readonly policies: PoliciesService,
    private readonly review: ReviewService,
    private readonly inbox: AwaitingDecisionScope,
    private readonly eligibility: EligibilityFollowsMembership,
    private readonly notices: ApprovalNotices,
  ) {}

  onModuleInit(): void {
    this.dispatcher.contribute('brand.created', async (ctx, event) => ({
      data: await this.policies.createDefault(ctx, event.brandId),
    }));
    this.dispatcher.contribute('proposal.revised', (ctx, _event, revised) =>
      this.review.restartAfterRevision(ctx, revised),
    );
    this.dispatcher.contribute(MEMBERSHIP_EVENTS, async (ctx, _event, change) => ({
      data: await this.eligibility.follow(ctx, change),
    }));
    this.notices.subscribe();
    this.listScopes.answerAwaitingDecision(this.inbox);
  }
}
