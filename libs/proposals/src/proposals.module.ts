import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditDispatcher, AuditModule } from '@standpoint/audit';
import { IdentityModule } from '@standpoint/identity';
import { NotificationsModule } from '@standpoint/notifications';
import { RateLimitsModule } from '@standpoint/rate-limits';
import { CommentEntity } from './comment.entity';
import { CommentsService } from './comments.service';
import { DemoProposal } from './demo-proposal';
import { DossierReader } from './dossier-reader';
import { EvidenceEntity } from './evidence.entity';
import { EvidenceService } from './evidence.service';
import { ListeningImportsService } from './listening-imports/listening-imports.service';
import { PrecedentsService } from './precedents.service';
import { MentionNotice } from './notices/mention.notice';
import { ProposalAccess } from './proposal-access';
import { ProposalListScopes } from './proposal-list-scopes';
import { ProposalReader } from './proposal-reader';
import { ProposalTransitions } from './proposal-transitions';
import { ProposalEntity } from './proposal.entity';
import { ProposalsService } from './proposals.service';
import { RecommendationEntity } from './recommendation.entity';
import { RecommendationsService } from './recommendations.service';
import { RevisionEntity } from './revision.entity';
import { RevisionsService } from './revisions.service';
import { RiskNoteEntity } from './risk-note.entity';
import { RiskNotesService } from './risk-notes.service';

const SERVICES = [
  CommentsService,
  DemoProposal,
  DossierReader,
  EvidenceService,
  ListeningImportsService,
  PrecedentsService,
  ProposalAccess,
  ProposalListScopes,
  ProposalReader,
  ProposalsService,
  ProposalTransitions,
  RecommendationsService,
  RevisionsService,
  RiskNotesService,
];

/** Proposals and their dossier: revisions, evidence, risk notes, recommendations, comments, precedents. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ProposalEntity,
      RevisionEntity,
      EvidenceEntity,
      RiskNoteEntity,
      RecommendationEntity,
      CommentEntity,
    ]),
    AuditModule,
    IdentityModule,
    NotificationsModule,
    RateLimitsModule,
  ],
  providers: [...SERVICES, MentionNotice],
  exports: SERVICES,
})
export class ProposalsModule implements OnModuleInit {
  constructor(
    private readonly dispatcher: AuditDispatcher,
    private readonly mentions: MentionNotice,
  ) {}

  onModuleInit(): void {
    this.mentions.subscribe(this.dispatcher);
  }
}
